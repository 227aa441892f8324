import type { SuggestCurvePoint } from '../../domain/suggest/suggest';
import { useTranslate } from '../store-context';

const WIDTH = 300;
const HEIGHT = 140;
const PAD = { left: 48, right: 10, top: 10, bottom: 26 };

/** Coverage of the area against the number of suggested sites (0 = today), as a small SVG line. */
export function SuggestChart({
  curve,
  targetFraction,
}: {
  curve: readonly SuggestCurvePoint[];
  targetFraction?: number;
}) {
  const t = useTranslate();
  if (curve.length < 2) return null;
  const fractions = curve.map((point) => point.coveredFraction);
  const low = Math.min(...fractions, targetFraction ?? 1);
  const high = Math.max(...fractions, targetFraction ?? 0);
  // A little headroom so a flat curve still reads as a line, not an edge.
  const span = Math.max(high - low, 0.002);
  const yMin = Math.max(0, low - span * 0.1);
  const yMax = Math.min(1, high + span * 0.1);
  const x = (count: number) => PAD.left + (count / (curve.length - 1)) * (WIDTH - PAD.left - PAD.right);
  const y = (fraction: number) =>
    PAD.top + (1 - (fraction - yMin) / (yMax - yMin || 1)) * (HEIGHT - PAD.top - PAD.bottom);
  const path = curve
    .map(
      (point, index) =>
        `${index === 0 ? 'M' : 'L'}${x(point.siteCount).toFixed(1)},${y(point.coveredFraction).toFixed(1)}`,
    )
    .join(' ');
  const percent = (fraction: number) =>
    `${(fraction * 100).toFixed(fraction > 0.995 || yMax - yMin < 0.02 ? 2 : 1)}%`;
  return (
    <figure className="suggest-chart">
      <figcaption>{t('suggest.chartTitle')}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('suggest.chartTitle')}
        data-testid="suggest-chart"
      >
        <line
          x1={PAD.left}
          y1={HEIGHT - PAD.bottom}
          x2={WIDTH - PAD.right}
          y2={HEIGHT - PAD.bottom}
          className="suggest-chart__axis"
        />
        <line
          x1={PAD.left}
          y1={PAD.top}
          x2={PAD.left}
          y2={HEIGHT - PAD.bottom}
          className="suggest-chart__axis"
        />
        <text x={PAD.left - 4} y={y(yMax) + 4} textAnchor="end">
          {percent(yMax)}
        </text>
        <text x={PAD.left - 4} y={y(yMin)} textAnchor="end">
          {percent(yMin)}
        </text>
        <text x={PAD.left} y={HEIGHT - 8}>
          0
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end">
          {curve.length - 1}
        </text>
        <text x={(PAD.left + WIDTH - PAD.right) / 2} y={HEIGHT - 8} textAnchor="middle">
          {t('suggest.chartSites')}
        </text>
        {targetFraction !== undefined && (
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={y(targetFraction)}
            y2={y(targetFraction)}
            className="suggest-chart__target"
          />
        )}
        <path d={path} className="suggest-chart__line" />
        {curve.map((point) => (
          <circle
            key={point.siteCount}
            cx={x(point.siteCount)}
            cy={y(point.coveredFraction)}
            r={curve.length > 30 ? 1.5 : 2.5}
            className="suggest-chart__dot"
          />
        ))}
      </svg>
    </figure>
  );
}
