import { useShallow } from 'zustand/react/shallow';
import { DATA_SOURCE_LABEL_KEYS, type DataSourceId, LAYER_CATALOGUE } from '../domain/layers/catalogue';
import type { DataStatus } from '../state/store';
import { useAppState, useTranslate } from './store-context';

function namesWith(
  statuses: Record<DataSourceId, DataStatus>,
  wanted: DataStatus,
  t: ReturnType<typeof useTranslate>,
): string {
  const keys = new Set(
    (Object.entries(statuses) as [DataSourceId, DataStatus][])
      .filter(([, status]) => status === wanted)
      .map(([id]) => DATA_SOURCE_LABEL_KEYS[id]),
  );
  return [...keys].map((key) => t(key)).join(', ');
}

/** One line under the map: what is loading, which layers are sample data, what failed to load. */
export function StatusLine() {
  const t = useTranslate();
  const statuses = useAppState(useShallow((state) => state.dataStatus));
  const visible = useAppState(useShallow((state) => state.visibleLayers));
  const mapIdle = useAppState((state) => state.mapIdle);
  const loading = namesWith(statuses, 'loading', t);
  const failed = namesWith(statuses, 'error', t);
  const sample = LAYER_CATALOGUE.filter((layer) => layer.sample && visible[layer.id])
    .map((layer) => t(layer.labelKey))
    .join(', ');
  return (
    <footer className="status-line">
      <span role="status" className="status-line__state">
        {loading ? t('status.loading', { names: loading }) : mapIdle ? t('status.ready') : ''}
      </span>
      {sample && <span className="status-line__sample">{t('status.sample', { names: sample })}</span>}
      {failed && (
        <span role="alert" className="status-line__error">
          {t('status.error', { names: failed })}
        </span>
      )}
    </footer>
  );
}
