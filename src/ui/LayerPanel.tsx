import { useShallow } from 'zustand/react/shallow';
import { LAYER_CATALOGUE, LAYER_GROUPS, type LayerDefinition } from '../domain/layers/catalogue';
import { LegendSwatch } from './LegendSwatch';

/** The side panel's tab id that opens the layer list as a sheet on phones (on wider screens it always shows). */
export const LAYERS_SHEET_TAB_ID = 'layers';

import { useAppState, useTranslate } from './store-context';

function LayerRow({ layer }: { layer: LayerDefinition }) {
  const t = useTranslate();
  const visible = useAppState((state) => state.visibleLayers[layer.id]);
  const status = useAppState(useShallow((state) => layer.sources.map((id) => state.dataStatus[id])));
  const setLayerVisible = useAppState((state) => state.setLayerVisible);
  const failed = status.includes('error');
  const inputId = `layer-toggle-${layer.id}`;
  return (
    <li className={`layer-row${visible ? '' : ' layer-row--hidden'}`} data-layer-id={layer.id}>
      <div className="layer-row__head">
        <input
          id={inputId}
          type="checkbox"
          checked={visible}
          onChange={(event) => setLayerVisible(layer.id, event.target.checked)}
        />
        <label htmlFor={inputId} className="layer-row__label">
          {t(layer.labelKey)}
        </label>
        {layer.sample && <span className="badge badge--sample">{t('badge.sample')}</span>}
        {layer.approximate && <span className="badge badge--approximate">{t('badge.approximate')}</span>}
        {failed && (
          <span
            className="badge badge--error"
            role="img"
            aria-label={t('status.error', { names: t(layer.labelKey) })}
          >
            !
          </span>
        )}
      </div>
      <ul className="legend" aria-label={t(layer.labelKey)}>
        {layer.legend.map((entry) => (
          <li key={entry.labelKey} className="legend__entry">
            <LegendSwatch swatch={entry.swatch} />
            <span>{t(entry.labelKey)}</span>
          </li>
        ))}
      </ul>
    </li>
  );
}

/** The layer switches, grouped as the plan groups them, each with its legend. */
export function LayerPanel() {
  const t = useTranslate();
  // On phones the layer list is a sheet that the side panel's 图层 tab opens (src/ui/layout.css).
  const sheetOpen = useAppState((state) => state.activePanelTab === LAYERS_SHEET_TAB_ID);
  return (
    <nav
      id="layer-panel"
      className={sheetOpen ? 'layer-panel layer-panel--open' : 'layer-panel'}
      aria-label={t('panel.layersLabel')}
    >
      <h2 className="layer-panel__title">{t('panel.title')}</h2>
      {LAYER_GROUPS.map((group) => (
        <section key={group} className="layer-group" aria-labelledby={`layer-group-${group}`}>
          <h3 id={`layer-group-${group}`} className="layer-group__title">
            {t(`group.${group}`)}
          </h3>
          <ul className="layer-group__list">
            {LAYER_CATALOGUE.filter((layer) => layer.group === group).map((layer) => (
              <LayerRow key={layer.id} layer={layer} />
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
