import './story.css';
import { useAppState, useTranslate } from '../store-context';

/** Map toolbar: enter presentation mode, export the view as a PNG. Hidden while presenting. */
export function StoryToolbar() {
  const t = useTranslate();
  const presenting = useAppState((state) => state.story !== null);
  const startStory = useAppState((state) => state.startStory);
  const requestPng = useAppState((state) => state.requestPngExport);
  const status = useAppState((state) => state.pngExportStatus);
  const size = useAppState((state) => state.pngExportSize);
  if (presenting) return null;
  return (
    <div className="story-toolbar">
      <button
        type="button"
        className="story-toolbar__button story-toolbar__button--present"
        title={t('story.presentLabel')}
        onClick={() => startStory(0)}
      >
        ▶ {t('story.present')}
      </button>
      <button
        type="button"
        className="story-toolbar__button"
        title={t('story.exportPngLabel')}
        disabled={status === 'exporting'}
        onClick={requestPng}
      >
        {status === 'exporting' ? t('story.exporting') : t('story.exportPng')}
      </button>
      {status === 'done' && size && (
        <span className="story-toolbar__done" role="status" data-testid="png-export-done">
          {t('story.exported', size)}
        </span>
      )}
    </div>
  );
}
