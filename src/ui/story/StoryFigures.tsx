import type { StoryChapter, StoryStep } from '../../domain/story/chapters';
import { CITY_FIGURES_KEY } from '../../state/story-slice';
import { IndicatorTable } from '../indicators/IndicatorTable';
import { formatCount, formatPercent } from '../report/format';
import { useAppState, useTranslate } from '../store-context';

const PILLARS = [
  { short: 'pillar.sensingShort', name: 'pillar.sensing', text: 'pillar.sensingText' },
  { short: 'pillar.connectivityShort', name: 'pillar.connectivity', text: 'pillar.connectivityText' },
  { short: 'pillar.computingShort', name: 'pillar.computing', text: 'pillar.computingText' },
  { short: 'pillar.hubShort', name: 'pillar.hub', text: 'pillar.hubText' },
] as const;

/** 感-连-算-枢: the four pillars as cards. */
function Pillars() {
  const t = useTranslate();
  return (
    <ol className="story-pillars">
      {PILLARS.map((pillar) => (
        <li key={pillar.short} className="story-pillars__item">
          <span className="story-pillars__glyph">{t(pillar.short)}</span>
          <strong>{t(pillar.name)}</strong>
          <span>{t(pillar.text)}</span>
        </li>
      ))}
    </ol>
  );
}

/** The live figures of a chapter step: indicators, city coverage, wings or new towns. */
export function StoryFigures({ chapter, step }: { chapter: StoryChapter; step: StoryStep }) {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  const stats = useAppState((state) => state.coverageStats);
  const zoneFigures = useAppState((state) => state.storyZoneFigures);
  const choices = useAppState((state) => state.districtChoices);
  if (chapter.figures === 'indicators') {
    return (
      <>
        <Pillars />
        <IndicatorTable compact />
      </>
    );
  }
  const zoneName = (id: string) => {
    const choice = choices.find((entry) => entry.target.kind === 'zone' && entry.target.id === id);
    return choice ? (language === 'en' ? choice.nameEn : choice.name) : id;
  };
  const zoneCoverage = (id: string) => stats?.zones.find((zone) => zone.id === id)?.coveredFraction;
  const emphasised = new Set(step.emphasisZoneIds);
  const city = zoneFigures[CITY_FIGURES_KEY];
  const facilities = step.figureZoneIds.reduce(
    (sum, id) => {
      const figures = zoneFigures[id];
      return figures
        ? {
            cableLandings: sum.cableLandings + figures.cableLandings,
            internetExchanges: sum.internetExchanges + figures.internetExchanges,
            hubClusters: sum.hubClusters + figures.hubClusters,
          }
        : sum;
    },
    { cableLandings: 0, internetExchanges: 0, hubClusters: 0 },
  );
  return (
    <div className="story-figures" data-testid="story-figures">
      <h3 className="story-figures__title">{t('story.liveFigures')}</h3>
      {!stats && (
        <p className="story-figures__computing" role="status">
          {t('story.computing')}
        </p>
      )}
      {chapter.figures === 'city' && stats && (
        <div className="story-figures__big">
          <div data-figure="cityCoverage">
            <strong>{formatPercent(language, stats.coveredFraction)}</strong>
            <span>{t('story.figure.cityCoverage')}</span>
            <small>{t('story.figure.cityTarget')}</small>
          </div>
          <div data-figure="sites">
            <strong>{formatCount(language, stats.sites.baseStations)}</strong>
            <span>{t('story.figure.sites')}</span>
            <small>{t('story.figure.sitesTarget')}</small>
          </div>
        </div>
      )}
      {chapter.figures === 'wings' && (
        <div className="story-figures__big">
          <div data-figure="cableLandings">
            <strong>{facilities.cableLandings}</strong>
            <span>{t('story.figure.cableLandings')}</span>
            {city && <small>{t('story.figure.ofCity', { count: city.cableLandings })}</small>}
          </div>
          <div data-figure="exchange">
            <strong>{facilities.internetExchanges}</strong>
            <span>{t('story.figure.exchange')}</span>
            {city && <small>{t('story.figure.ofCity', { count: city.internetExchanges })}</small>}
          </div>
          <div data-figure="hubClusters">
            <strong>{facilities.hubClusters}</strong>
            <span>{t('story.figure.hubClusters')}</span>
            {city && <small>{t('story.figure.ofCity', { count: city.hubClusters })}</small>}
          </div>
        </div>
      )}
      <table className="story-figures__zones">
        <thead>
          <tr>
            <th scope="col">{t('story.figure.zone')}</th>
            <th scope="col">{t('story.figure.coverage')}</th>
            <th scope="col">{t('story.figure.sitesInZone')}</th>
          </tr>
        </thead>
        <tbody>
          {step.figureZoneIds.map((id) => {
            const coverage = zoneCoverage(id);
            const sites = zoneFigures[id]?.sites;
            return (
              <tr
                key={id}
                data-zone={id}
                className={emphasised.has(id) ? 'story-figures__row--active' : undefined}
              >
                <td>{zoneName(id)}</td>
                <td>{coverage === undefined ? '…' : formatPercent(language, coverage)}</td>
                <td>{sites === undefined ? '…' : formatCount(language, sites)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="story-figures__note">{t('story.sampleNote')}</p>
    </div>
  );
}
