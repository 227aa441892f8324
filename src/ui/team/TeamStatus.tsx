import { teamIndicator } from '../../state/team-slice';
import { useAppState, useTranslate } from '../store-context';

/** The header's word on the team server: connected, syncing, offline (with edits waiting), a conflict. */
export function TeamStatus() {
  const t = useTranslate();
  const indicator = useAppState((state) => teamIndicator(state.team));
  const pending = useAppState((state) => state.team.sync?.pendingChanges ?? 0);
  const openPanel = useAppState((state) => state.setActivePanelTab);
  if (!indicator) return null;
  const text = t(`team.indicator.${indicator}`, { count: pending });
  return (
    <button
      type="button"
      className={`team-status team-status--${indicator}`}
      data-testid="team-status"
      data-state={indicator}
      aria-live="polite"
      title={t('team.indicatorTitle')}
      onClick={() => openPanel('team')}
    >
      <span className="team-status__dot" aria-hidden="true" />
      {text}
    </button>
  );
}
