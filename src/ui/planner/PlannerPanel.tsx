import { LAYER_COLORS } from '../../domain/layers/catalogue';
import { useAppState, useTranslate } from '../store-context';
import { AttributeEditor } from './AttributeEditor';
import { ChangeSummary } from './ChangeSummary';
import { ExportSection } from './ExportSection';
import { ScenarioSection } from './ScenarioSection';
import './planner.css';

const LEGEND = [
  { color: LAYER_COLORS.plannerCandidate, labelKey: 'planner.legendCandidate' },
  { color: LAYER_COLORS.plannerPlanned, labelKey: 'planner.legendPlanned' },
  { color: LAYER_COLORS.plannerModified, labelKey: 'planner.legendModified' },
  { color: LAYER_COLORS.plannerRemoved, labelKey: 'planner.legendRemoved' },
] as const;

/** The 规划 / Planner side-panel tab. */
export function PlannerPanel() {
  const t = useTranslate();
  const hasSession = useAppState((state) => state.session !== null);
  const snapDistanceM = useAppState((state) => state.snapDistanceM);
  const setSnapDistanceM = useAppState((state) => state.setSnapDistanceM);
  if (!hasSession) return <p className="planner-hint">{t('planner.storageLoading')}</p>;
  return (
    <div className="planner-panel">
      <ScenarioSection />
      <section className="planner-section" aria-labelledby="planner-attributes-title">
        <h3 id="planner-attributes-title">{t('planner.selectionTitle')}</h3>
        <AttributeEditor />
      </section>
      <ChangeSummary />
      <section className="planner-section">
        <ul className="planner-legend">
          {LEGEND.map(({ color, labelKey }) => (
            <li key={labelKey}>
              <span className="planner-legend__dot" style={{ background: color }} />
              {t(labelKey)}
            </li>
          ))}
          <li>
            <span className="planner-legend__dot planner-legend__dot--pole" />
            {t('planner.legendOnPole')}
          </li>
        </ul>
        <div className="planner-field">
          <label htmlFor="planner-snap-distance">{t('planner.snapDistance')}</label>
          <input
            id="planner-snap-distance"
            type="number"
            min={1}
            max={200}
            value={snapDistanceM}
            onChange={(event) => {
              const value = Number(event.target.value);
              if (Number.isFinite(value) && value > 0) setSnapDistanceM(value);
            }}
          />
        </div>
      </section>
      <ExportSection />
    </div>
  );
}
