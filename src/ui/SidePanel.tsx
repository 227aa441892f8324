import { UI_FEATURES } from './features';
import { usePlanner, useTranslate } from './store-context';

const TABS = UI_FEATURES.flatMap((feature) => feature.tabs);

/** The right-hand panel: one tab per feature (coverage, planner, district…); collapsible. */
export function SidePanel() {
  const t = useTranslate();
  const activeTab = usePlanner((state) => state.activePanelTab);
  const setActiveTab = usePlanner((state) => state.setActivePanelTab);
  if (TABS.length === 0) return null;
  const active = TABS.find((tab) => tab.id === activeTab);
  return (
    <aside className={active ? 'side-panel side-panel--open' : 'side-panel'} aria-label="side panel">
      <div className="side-panel__tabs" role="tablist">
        {TABS.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === activeTab}
            aria-controls={`tabpanel-${tab.id}`}
            className="side-panel__tab"
            onClick={() => setActiveTab(tab.id === activeTab ? null : tab.id)}
          >
            {t(tab.labelKey)}
          </button>
        ))}
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
  return (
    <>
      {UI_FEATURES.flatMap((feature) => feature.overlays).map((Overlay, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the overlay list is static.
        <Overlay key={index} />
      ))}
    </>
  );
}
