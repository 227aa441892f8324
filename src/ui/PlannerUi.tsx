import { Header } from './Header';
import { LayerPanel } from './LayerPanel';
import { StatusLine } from './StatusLine';

/** Everything around the map: header, layer panel with legend, status line. */
export function PlannerUi() {
  return (
    <>
      <Header />
      <LayerPanel />
      <StatusLine />
    </>
  );
}
