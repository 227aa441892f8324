import { useAppState, useTranslate } from '../store-context';

/**
 * The PNG export's controls, the same in the map toolbar and in story mode: the slide size and the
 * button (one request door, app/png-export.ts), then the size of the file written.
 */
export function PngExportControls({ label }: { label: 'story.exportPng' | 'story.exportSlide' }) {
  const t = useTranslate();
  const requestPng = useAppState((state) => state.requestPngExport);
  const status = useAppState((state) => state.pngExportStatus);
  const size = useAppState((state) => state.pngExportSize);
  const scale = useAppState((state) => state.pngExportScale);
  const setScale = useAppState((state) => state.setPngExportScale);
  return (
    <>
      <select
        className="story-toolbar__size"
        aria-label={t('png.sizeLabel')}
        value={scale}
        onChange={(event) => setScale(event.target.value === '2' ? 2 : 1)}
      >
        <option value="1">{t('png.size1')}</option>
        <option value="2">{t('png.size2')}</option>
      </select>
      <button
        type="button"
        className="story-toolbar__button"
        title={t('story.exportPngLabel')}
        disabled={status === 'exporting'}
        onClick={requestPng}
      >
        {status === 'exporting' ? t('story.exporting') : t(label)}
      </button>
      {status === 'done' && size && (
        <span className="story-toolbar__done" role="status" data-testid="png-export-done">
          {t('story.exported', size)}
        </span>
      )}
    </>
  );
}
