import { useState } from 'react';
import { useAppState, useTranslate } from '../store-context';
import { districtLabel, shortTime } from './team-words';

/**
 * District plans: a district planner submits the open plan of their district; a city planner sees the
 * submissions per district, the sites of different plans close across a border, and merges chosen
 * submissions into the open (city) plan, leaving out sites they tick.
 */
export function SubmissionsSection() {
  const role = useAppState((state) => state.team.user?.role);
  if (role === 'district') return <SubmitPlan />;
  if (role === 'city') return <CityMerge />;
  return null;
}

function SubmitPlan() {
  const t = useTranslate();
  const team = useAppState((state) => state.team);
  const services = useAppState((state) => state.teamServices)!;
  const openId = useAppState((state) => state.session?.scenario.id);
  const [note, setNote] = useState('');
  const plan = team.sharedScenarios.find((entry) => entry.id === openId);
  const own = plan !== undefined && plan.district === team.user?.district;
  return (
    <section className="planner-section">
      <h3>{t('team.submitTitle')}</h3>
      {!own ? (
        <p className="planner-hint">{t('team.submitHint')}</p>
      ) : (
        <>
          <div className="planner-field">
            <label htmlFor="team-submit-note">{t('team.submitNote')}</label>
            <input
              id="team-submit-note"
              value={note}
              maxLength={2000}
              onChange={(event) => setNote(event.target.value)}
            />
          </div>
          <div className="planner-actions">
            <button
              type="button"
              data-action="team-submit"
              disabled={team.busy || team.sync === null}
              onClick={() => void services.submitPlan(note)}
            >
              {t('team.submit')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function CityMerge() {
  const t = useTranslate();
  const team = useAppState((state) => state.team);
  const language = useAppState((state) => state.language);
  const services = useAppState((state) => state.teamServices)!;
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [leaveOut, setLeaveOut] = useState<ReadonlySet<string>>(new Set());
  const [distanceM, setDistanceM] = useState(200);
  const toggle = <Item,>(set: ReadonlySet<Item>, item: Item) => {
    const next = new Set(set);
    if (next.has(item)) next.delete(item);
    else next.add(item);
    return next;
  };
  const name = (adcode: string | undefined) =>
    adcode ? districtLabel(adcode, team.districtNames, language) : t('team.outsideDistricts');
  return (
    <section className="planner-section" aria-labelledby="team-submissions-title">
      <h3 id="team-submissions-title">{t('team.submissions')}</h3>
      <div className="planner-actions">
        <button
          type="button"
          data-action="team-submissions"
          onClick={() => void services.loadSubmissions()}
          disabled={team.busy}
        >
          {t('team.loadSubmissions')}
        </button>
      </div>
      {team.submissions?.length === 0 && <p className="planner-hint">{t('team.noSubmissions')}</p>}
      {team.submissions && team.submissions.length > 0 && (
        <ul className="team-list" data-testid="team-submissions">
          {team.submissions.map((entry) => (
            <li key={entry.id} className="team-list__item">
              <label>
                <input
                  type="checkbox"
                  checked={chosen.has(entry.id)}
                  onChange={() => setChosen(toggle(chosen, entry.id))}
                />{' '}
                <strong>{name(entry.district)}</strong> · {entry.scenarioName}
                <div className="planner-hint">
                  {t('team.submissionLine', {
                    by: entry.submittedBy,
                    at: shortTime(entry.submittedAt),
                    added: entry.counts.added,
                    modified: entry.counts.modified,
                    removed: entry.counts.removed,
                  })}
                  {entry.note && ` · ${entry.note}`}
                  {entry.merged && ` · ${t('team.mergedAt', { revision: entry.merged.revision })}`}
                </div>
              </label>
            </li>
          ))}
        </ul>
      )}
      <h4>{t('team.nearTitle')}</h4>
      <div className="planner-field">
        <label htmlFor="team-near-distance">{t('team.nearDistance')}</label>
        <input
          id="team-near-distance"
          type="number"
          min={1}
          max={5000}
          value={distanceM}
          onChange={(event) => setDistanceM(Number(event.target.value))}
        />
      </div>
      <div className="planner-actions">
        <button
          type="button"
          data-action="team-near"
          onClick={() => void services.findNearPairs(distanceM)}
          disabled={team.busy || !(distanceM >= 1 && distanceM <= 5000)}
        >
          {t('team.findNear')}
        </button>
      </div>
      {team.nearPairs && team.nearPairs.pairs.length === 0 && (
        <p className="planner-hint">{t('team.noNear', { distance: team.nearPairs.distanceM })}</p>
      )}
      {team.nearPairs && team.nearPairs.pairs.length > 0 && (
        <ul className="team-list" data-testid="team-near-pairs">
          {team.nearPairs.pairs.map((pair) => (
            <li key={`${pair.first.siteId}|${pair.second.siteId}`} className="team-list__item">
              <div>
                {pair.first.siteId} ({name(pair.first.district)}) ↔ {pair.second.siteId} (
                {name(pair.second.district)}) · {Math.round(pair.distanceM)} m
                <div className="team-pair-actions">
                  <button type="button" onClick={() => services.showSite(pair.first.coordinates)}>
                    {t('team.showOnMap')}
                  </button>
                  {[pair.first.siteId, pair.second.siteId].map((id) => (
                    <label key={id}>
                      <input
                        type="checkbox"
                        checked={leaveOut.has(id)}
                        onChange={() => setLeaveOut(toggle(leaveOut, id))}
                      />{' '}
                      {t('team.leaveOut', { id })}
                    </label>
                  ))}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="planner-actions">
        <button
          type="button"
          data-action="team-merge"
          disabled={team.busy || chosen.size === 0 || team.sync === null}
          title={team.sync === null ? t('team.mergeNeedsShared') : undefined}
          onClick={() => void services.mergeSubmissions([...chosen], [...leaveOut])}
        >
          {t('team.merge', { count: chosen.size })}
        </button>
      </div>
      {team.sync === null && <p className="planner-hint">{t('team.mergeNeedsShared')}</p>}
      {team.mergeReport && (
        <ul className="planner-hint" data-testid="team-merge-report">
          {team.mergeReport.map((entry) => (
            <li key={entry.submissionId}>
              {t('team.mergeReportLine', {
                district: name(entry.district),
                merged: entry.merged,
                outside: entry.outsideDistrict.length,
                leftOut: entry.leftOut.length,
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
