import type { GroupFigures } from '../../domain/calibration/calibration-report';
import type { ErrorStatistics } from '../../domain/calibration/error-statistics';
import type { MessageKey } from '../../domain/i18n/translate';
import type { CalibrationView } from '../../state/calibration-slice';
import { formatDecimal } from '../report/format';
import { useAppState, useTranslate } from '../store-context';
import { DistanceChart, ErrorHistogram } from './CalibrationCharts';

const environmentKey = (environment: string) => `environment.${environment}` as MessageKey;

function Figures({ statistics }: { statistics: ErrorStatistics }) {
  const language = useAppState((state) => state.language);
  const show = (value: number) => (Number.isFinite(value) ? formatDecimal(language, value, 1) : '—');
  return (
    <>
      <td>{show(statistics.meanErrorDb)}</td>
      <td>{show(statistics.stdDb)}</td>
      <td>{show(statistics.rmseDb)}</td>
    </>
  );
}

/** A table of groups (whole set, classes or districts), before and after, with the too-few warning. */
function FigureTable({
  rows,
  afterLabel,
  testId,
}: {
  rows: (GroupFigures & { label: string })[];
  afterLabel: string;
  testId: string;
}) {
  const t = useTranslate();
  const minimum = useAppState((state) => state.calibrationView?.report.minimumSamples ?? 0);
  return (
    <table className="calibration-table" data-testid={testId}>
      <thead>
        <tr>
          <th />
          <th>{t('calibration.samples')}</th>
          <th colSpan={3}>{t('calibration.before')}</th>
          <th colSpan={3}>{afterLabel}</th>
        </tr>
        <tr>
          <th />
          <th />
          {[0, 1].map((side) => (
            <FigureHeads key={side} />
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label} className={row.tooFew ? 'calibration-table__few' : undefined}>
            <th scope="row">
              {row.label}
              {row.tooFew && (
                <span className="calibration-warning" role="note">
                  {' '}
                  ⚠ {t('calibration.tooFew', { minimum })}
                </span>
              )}
            </th>
            <td>{row.samples.toLocaleString()}</td>
            <Figures statistics={row.before} />
            <Figures statistics={row.after} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FigureHeads() {
  const t = useTranslate();
  return (
    <>
      <th>{t('calibration.meanError')}</th>
      <th>{t('calibration.std')}</th>
      <th>{t('calibration.rmse')}</th>
    </>
  );
}

/** The fit per class with each coefficient's standard error, the classes left out, and Apply. */
function FitTable({ view }: { view: CalibrationView }) {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  const calibrated = useAppState((state) => state.session?.scenario.calibration !== null);
  const services = useAppState((state) => state.calibrationServices);
  const { fit, minimumSamples } = view.report;
  const number = (value: number) => formatDecimal(language, value, 2);
  return (
    <section>
      <h3>{t('calibration.fitTitle')}</h3>
      {fit.corrections.length === 0 ? (
        <p className="calibration-note">{t('calibration.noFit')}</p>
      ) : (
        <table className="calibration-table" data-testid="calibration-fit">
          <thead>
            <tr>
              <th />
              <th>{t('calibration.samples')}</th>
              <th>{t('calibration.offset')}</th>
              <th>{t('calibration.slope')}</th>
              <th>{t('calibration.range')}</th>
            </tr>
          </thead>
          <tbody>
            {fit.corrections.map((correction) => (
              <tr key={correction.environment}>
                <th scope="row">{t(environmentKey(correction.environment))}</th>
                <td>{correction.samples.toLocaleString()}</td>
                <td>
                  {number(correction.offsetDb)} ± {number(correction.standardErrorDb)}
                </td>
                <td>
                  {number(correction.slopeDbPerDecade)}
                  {correction.slopeStandardErrorDb === null
                    ? ''
                    : ` ± ${number(correction.slopeStandardErrorDb)}`}
                </td>
                <td>
                  {Math.round(correction.minDistanceM)}–{Math.round(correction.maxDistanceM)} m
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {fit.uncorrected.map((entry) => (
        <p key={entry.environment} className="calibration-note calibration-note--warn" role="note">
          ⚠{' '}
          {t('calibration.uncorrected', {
            environment: t(environmentKey(entry.environment)),
            samples: entry.samples,
            minimum: minimumSamples,
          })}
        </p>
      ))}
      {!calibrated && fit.corrections.length > 0 && (
        <button
          type="button"
          className="calibration-button calibration-button--primary"
          data-testid="calibration-apply"
          onClick={() => services?.apply()}
        >
          {t('calibration.apply')}
        </button>
      )}
    </section>
  );
}

/** The comparison: figures, fit, charts. All figures are estimates and say so. */
export function CalibrationReportView({ view }: { view: CalibrationView }) {
  const t = useTranslate();
  const calibrated = useAppState((state) => state.session?.scenario.calibration !== null);
  const { report } = view;
  const afterLabel = t(calibrated ? 'calibration.after' : 'calibration.afterPreview');
  return (
    <div className="calibration-report" data-testid="calibration-report">
      <p className="calibration-note calibration-estimate">{t('calibration.estimate')}</p>
      <FigureTable
        testId="calibration-whole"
        afterLabel={afterLabel}
        rows={[
          {
            label: t('calibration.whole'),
            samples: report.samples,
            before: report.before,
            after: report.after,
            tooFew: false,
          },
        ]}
      />
      <h3>{t('calibration.byClass')}</h3>
      <FigureTable
        testId="calibration-classes"
        afterLabel={afterLabel}
        rows={report.byEnvironment.map((group) => ({
          ...group,
          label: t(environmentKey(group.environment)),
        }))}
      />
      <FitTable view={view} />
      <ErrorHistogram report={report} afterLabel={afterLabel} />
      <DistanceChart report={report} afterLabel={afterLabel} />
      <h3>{t('calibration.byDistrict')}</h3>
      <FigureTable
        testId="calibration-districts"
        afterLabel={afterLabel}
        rows={report.byDistrict.map((group) => ({ ...group, label: group.name }))}
      />
      {view.residuals.shown < report.samples && (
        <p className="calibration-note">
          {t('calibration.dotsThinned', { shown: view.residuals.shown, total: report.samples })}
        </p>
      )}
    </div>
  );
}
