import type { CalibrationReport } from '../../domain/calibration/calibration-report';
import { useTranslate } from '../store-context';

const WIDTH = 300;
const HEIGHT = 120;
const PAD = { left: 30, right: 8, top: 8, bottom: 20 };
const plotWidth = WIDTH - PAD.left - PAD.right;
const plotHeight = HEIGHT - PAD.top - PAD.bottom;

/** Counts per 2 dB bin of prediction − measurement, before (bars) and after (outline). */
export function ErrorHistogram({ report, afterLabel }: { report: CalibrationReport; afterLabel: string }) {
  const t = useTranslate();
  const { histogram } = report;
  const bins = histogram.before.length;
  const peak = Math.max(1, ...histogram.before, ...histogram.after);
  const barWidth = plotWidth / bins;
  const y = (count: number) => PAD.top + plotHeight * (1 - count / peak);
  const afterPath = histogram.after
    .map((count, index) => `${index === 0 ? 'M' : 'L'}${PAD.left + index * barWidth},${y(count)}h${barWidth}`)
    .join('');
  const zeroX = PAD.left + (1 + (0 - histogram.firstDb) / histogram.binDb) * barWidth;
  return (
    <figure className="calibration-chart" data-testid="calibration-histogram">
      <figcaption>{t('calibration.histogram')}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('calibration.histogram')}>
        {histogram.before.map((count, index) => (
          <rect
            // biome-ignore lint/suspicious/noArrayIndexKey: bins are positional
            key={index}
            className="calibration-chart__before"
            x={PAD.left + index * barWidth + 0.5}
            width={Math.max(0, barWidth - 1)}
            y={y(count)}
            height={PAD.top + plotHeight - y(count)}
          />
        ))}
        <path className="calibration-chart__after" d={afterPath} />
        <line
          className="calibration-chart__axis"
          x1={zeroX}
          x2={zeroX}
          y1={PAD.top}
          y2={PAD.top + plotHeight}
        />
        {[-30, -15, 0, 15, 30].map((value) => (
          <text
            key={value}
            x={PAD.left + (1 + (value - histogram.firstDb) / histogram.binDb) * barWidth}
            y={HEIGHT - 6}
            textAnchor="middle"
          >
            {value}
          </text>
        ))}
      </svg>
      <ChartLegend afterLabel={afterLabel} />
    </figure>
  );
}

/** Mean error (± std) per distance bin, before and after, on a log distance axis. */
export function DistanceChart({ report, afterLabel }: { report: CalibrationReport; afterLabel: string }) {
  const t = useTranslate();
  const bins = report.distance;
  if (bins.length === 0) return null;
  const logMin = Math.log10(Math.max(10, bins[0]!.fromM));
  const logMax = Math.log10(bins[bins.length - 1]!.toM);
  const x = (metres: number) =>
    PAD.left + (plotWidth * (Math.log10(Math.max(10, metres)) - logMin)) / Math.max(0.1, logMax - logMin);
  const extent = Math.max(
    5,
    ...bins.flatMap((bin) => [
      Math.abs(bin.before.meanErrorDb) + (bin.before.stdDb || 0),
      Math.abs(bin.after.meanErrorDb),
    ]),
  );
  const y = (value: number) => PAD.top + plotHeight / 2 - (value / extent) * (plotHeight / 2);
  const centre = (bin: (typeof bins)[number]) => Math.sqrt(Math.max(10, bin.fromM) * bin.toM);
  const line = (pick: (bin: (typeof bins)[number]) => number) =>
    bins.map((bin, index) => `${index === 0 ? 'M' : 'L'}${x(centre(bin))},${y(pick(bin))}`).join('');
  return (
    <figure className="calibration-chart" data-testid="calibration-distance-chart">
      <figcaption>
        {t('calibration.distanceChart')} ({t('calibration.distanceAxis')})
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('calibration.distanceChart')}>
        <line className="calibration-chart__axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} />
        {bins.map((bin) => (
          <line
            key={bin.fromM}
            className="calibration-chart__spread"
            x1={x(centre(bin))}
            x2={x(centre(bin))}
            y1={y(bin.before.meanErrorDb - (bin.before.stdDb || 0))}
            y2={y(bin.before.meanErrorDb + (bin.before.stdDb || 0))}
          />
        ))}
        <path className="calibration-chart__before-line" d={line((bin) => bin.before.meanErrorDb)} />
        <path className="calibration-chart__after" d={line((bin) => bin.after.meanErrorDb)} />
        {[100, 1000].map((metres) => (
          <text key={metres} x={x(metres)} y={HEIGHT - 6} textAnchor="middle">
            {metres >= 1000 ? `${metres / 1000} km` : `${metres} m`}
          </text>
        ))}
        <text x={4} y={y(extent) + 8}>
          +{Math.round(extent)}
        </text>
        <text x={4} y={y(-extent)}>
          −{Math.round(extent)}
        </text>
      </svg>
      <ChartLegend afterLabel={afterLabel} />
    </figure>
  );
}

function ChartLegend({ afterLabel }: { afterLabel: string }) {
  const t = useTranslate();
  return (
    <p className="calibration-chart__legend">
      <span className="calibration-swatch calibration-swatch--before" /> {t('calibration.before')}{' '}
      <span className="calibration-swatch calibration-swatch--after" /> {afterLabel}
    </p>
  );
}
