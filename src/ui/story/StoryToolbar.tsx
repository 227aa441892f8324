import './story.css';
import { useAppState, useTranslate } from '../store-context';
import { PngExportControls } from './PngExportControls';

/** Map toolbar: enter presentation mode, export the view as a 16:9 PNG. Hidden while presenting. */
export function StoryToolbar() {
  const t = useTranslate();
  const presenting = useAppState((state) => state.story !== null);
  const startStory = useAppState((state) => state.startStory);
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
      <PngExportControls label="story.exportPng" />
    </div>
  );
}
