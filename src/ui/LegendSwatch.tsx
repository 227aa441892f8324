import type { LegendSwatch as Swatch } from '../domain/layers/catalogue';

/** A small drawing of how a layer looks on the map (fill, line, dot or ring). */
export function LegendSwatch({ swatch }: { swatch: Swatch }) {
  const style: React.CSSProperties = {};
  switch (swatch.shape) {
    case 'fill':
      style.background = `${swatch.color}33`;
      style.border = `1.5px ${swatch.dashed ? 'dashed' : 'solid'} ${swatch.outlineColor ?? swatch.color}`;
      break;
    case 'line':
      style.borderTop = `2px solid ${swatch.color}`;
      break;
    case 'circle':
      style.background = swatch.color;
      if (swatch.outlineColor) style.border = `1.5px solid ${swatch.outlineColor}`;
      break;
    case 'ring':
      style.background = '#fff';
      style.border = `3px solid ${swatch.color}`;
      break;
  }
  return <span className={`legend-swatch legend-swatch--${swatch.shape}`} style={style} aria-hidden="true" />;
}
