import './district.css';
import './district-report-print.css';
import { useEffect } from 'react';
import { REPORT_WEAK_SPOT_COUNT } from '../../domain/report/area-report';
import { coverageRows, siteRows } from '../report/figure-rows';
import { formatDate } from '../report/format';
import { useAppState, useTranslate } from '../store-context';
import { FigureTable } from './FigureTable';
import { ReportLegend } from './ReportLegend';
import { WeakSpotTable } from './WeakSpotTable';

const REPORT_WEAK_SPOTS = REPORT_WEAK_SPOT_COUNT;

/** The printable district report (print-styled; opens the browser's print dialog to save as PDF). */
export function DistrictReport() {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  const sampleYear = useAppState((state) => state.sampleYear);
  const status = useAppState((state) => state.districtReportStatus);
  const liveReport = useAppState((state) => state.districtReport);
  const snapshot = useAppState((state) => state.districtReportSnapshot);
  // The page shows the model its map was numbered from.
  const report = snapshot ?? liveReport;
  const reportMap = useAppState((state) => state.districtReportMap);
  const image = useAppState((state) => state.districtReportImage);
  const dateIso = useAppState((state) => state.districtReportDateIso);
  const scenarioName = useAppState((state) => state.session?.scenario.name);
  const settings = useAppState((state) => state.coverageStats);
  const close = useAppState((state) => state.closeDistrictReport);
  const open = status === 'open' && report !== null;

  useEffect(() => {
    if (!open) return;
    document.documentElement.dataset.printingReport = 'true';
    // After the report has painted, so the print preview holds it.
    const timer = setTimeout(() => window.print(), 300);
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', onKey);
      document.documentElement.removeAttribute('data-printing-report');
    };
  }, [open, close]);

  if (status === 'preparing') {
    return (
      <p className="district-report-preparing" role="status">
        {t('district.preparingReport')}
      </p>
    );
  }
  if (!open) return null;
  const name = language === 'en' ? report.area.nameEn : report.area.name;
  const date = formatDate(language, dateIso ?? new Date().toISOString());
  const threshold = settings?.mode === 'pathloss' ? `, ${settings.thresholdDbm} dBm` : '';
  return (
    <div
      className="district-report"
      role="dialog"
      aria-modal="true"
      aria-labelledby="district-report-title"
      data-testid="district-report"
    >
      <div className="district-report__toolbar">
        <button
          type="button"
          className="district-button district-button--primary"
          onClick={() => window.print()}
        >
          {t('district.reportPrint')}
        </button>
        <button type="button" className="district-button" onClick={close}>
          {t('district.reportClose')}
        </button>
      </div>
      <article className="district-report__page">
        <header>
          <h1 id="district-report-title">{t('district.reportTitle', { name })}</h1>
          <p className="district-report__meta">
            {t('district.reportDate')}: {date} · {t('district.reportScenario')}:{' '}
            {scenarioName ?? t('district.reportBaseline', { year: sampleYear })}
          </p>
        </header>
        {image && (
          <figure className="district-report__map">
            <img src={image} alt={`${t('district.reportMap')}: ${name}`} />
            <figcaption>
              <ReportLegend map={reportMap} />
            </figcaption>
          </figure>
        )}
        <section>
          <h2>{t('district.reportFigures')}</h2>
          <FigureTable rows={[...coverageRows(language, report), ...siteRows(language, report)]} />
        </section>
        <section className="district-report__weak-spots">
          <h2>{t('district.weakSpots')}</h2>
          <p className="district-report__rule" data-testid="priority-rule">
            {t('district.priorityRule')}
          </p>
          {report.weakSpots.length === 0 ? (
            <p>{t('district.noWeakSpots')}</p>
          ) : (
            <>
              {report.weakSpots.length > REPORT_WEAK_SPOTS && (
                <p>
                  {t('district.reportWeakSpotsShown', {
                    shown: REPORT_WEAK_SPOTS,
                    count: report.weakSpots.length,
                  })}
                </p>
              )}
              <WeakSpotTable rows={report.weakSpots.slice(0, REPORT_WEAK_SPOTS)} variant="report" />
              <p className="district-report__rule">{t('district.reportNearbyNote')}</p>
            </>
          )}
        </section>
        <section className="district-report__sources">
          <h2>{t('district.reportSources')}</h2>
          <ul>
            <li>
              {t('district.reportSourceCoverage', {
                mode: settings ? t(`district.mode.${settings.mode}`) : '—',
                cell: settings?.cellM ?? '—',
                threshold,
              })}
            </li>
            <li>{t('district.reportSourcePlan')}</li>
            <li>
              {t('layer.districts')}: {t('source.districts')}
            </li>
            <li>
              {t('layer.sites')}: {t('source.sites')} · {t('layer.poles')}: {t('source.poles')}
            </li>
          </ul>
          <p className="district-report__note">{t('district.reportSampleNote')}</p>
        </section>
      </article>
    </div>
  );
}
