import { Header } from './Header';
import { LayerPanel } from './LayerPanel';
import { FeatureOverlays, SidePanel } from './SidePanel';
import { StatusLine } from './StatusLine';

/** Everything around the map: header, layer panel with legend, feature side panel, status line. */
export function AppUi() {
  return (
    <>
      <Header />
      <LayerPanel />
      <SidePanel />
      <FeatureOverlays />
      <StatusLine />
    </>
  );
}
