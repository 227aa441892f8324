import { LAYERS_SHEET_TAB_ID } from './LayerPanel';
import { useAppState, useTranslate } from './store-context';
import { useUiFeatures } from './use-ui-features';

/** The right-hand panel: one tab per feature (coverage, planner, district…); collapsible. */
export function SidePanel() {
  const t = useTranslate();
  const tabs = useUiFeatures().flatMap((feature) => feature.tabs);
  const activeTab = useAppState((state) => state.activePanelTab);
  const setActiveTab = useAppState((state) => state.setActivePanelTab);
  if (tabs.length === 0) return null;
  const active = tabs.find((tab) => tab.id === activeTab);
  return (
    <aside className={active ? 'side-panel side-panel--open' : 'side-panel'} aria-label="side panel">
      <div className="side-panel__tabs" role="tablist">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === activeTab}
            aria-controls={`tabpanel-${tab.id}`}
            className="side-panel__tab"
            // Clicking the open tab keeps it open (a reader checking "am I on it?" lost the panel);
            // the collapse button below closes it.
            onClick={() => setActiveTab(tab.id)}
          >
            {t(tab.labelKey)}
          </button>
        ))}
        {active && (
          <button
            type="button"
            className="side-panel__collapse"
            aria-label={t('panel.collapse')}
            title={t('panel.collapse')}
            onClick={() => setActiveTab(null)}
          >
            »
          </button>
        )}
        {/* Phones only (hidden by src/ui/layout.css elsewhere): the layer list opens as a sheet. */}
        <button
          type="button"
          className="side-panel__tab side-panel__tab--layers"
          aria-expanded={activeTab === LAYERS_SHEET_TAB_ID}
          aria-controls="layer-panel"
          onClick={() => setActiveTab(activeTab === LAYERS_SHEET_TAB_ID ? null : LAYERS_SHEET_TAB_ID)}
        >
          {t('panel.title')}
        </button>
      </div>
      {active && (
        <section
          className="side-panel__body"
          role="tabpanel"
          id={`tabpanel-${active.id}`}
          aria-labelledby={`tab-${active.id}`}
        >
          <active.Component />
        </section>
      )}
    </aside>
  );
}

/** Every feature's overlays (toolbars, dialogs, story mode), rendered above the map. */
export function FeatureOverlays() {
  const features = useUiFeatures();
  return (
    <>
      {features
        .flatMap((feature) => feature.overlays)
        .map((Overlay, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the overlay list never changes once loaded.
          <Overlay key={index} />
        ))}
    </>
  );
}
