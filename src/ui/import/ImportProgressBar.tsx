/** A labelled progress bar (the label is also the accessible value text). */
export function ImportProgressBar({ fraction, label }: { fraction: number; label: string }) {
  return (
    <div className="import-progress">
      <div className="import-progress__label">{label}</div>
      <div
        className="import-progress__track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
        aria-valuetext={label}
      >
        <div className="import-progress__fill" style={{ width: `${Math.round(fraction * 100)}%` }} />
      </div>
    </div>
  );
}
