import './story.css';
import { useCallback, useEffect } from 'react';
import { STORY_CHAPTERS, storyChapter, storyStep } from '../../domain/story/chapters';
import { SampleYearSwitch } from '../sample/SampleYearSwitch';
import { useAppState, useTranslate } from '../store-context';
import { PngExportControls } from './PngExportControls';
import { StoryFigures } from './StoryFigures';

function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

/** Presentation mode: chapter card, live figures, progress dots and presenter keys; other chrome hidden. */
export function StoryOverlay() {
  const t = useTranslate();
  const story = useAppState((state) => state.story);
  const next = useAppState((state) => state.nextStoryStep);
  const previous = useAppState((state) => state.previousStoryStep);
  const goTo = useAppState((state) => state.goToStoryChapter);
  const leave = useAppState((state) => state.leaveStory);
  const sampleYear = useAppState((state) => state.sampleYear);
  const setSampleYear = useAppState((state) => state.setSampleYear);
  const toggleSampleYear = useCallback(
    () => setSampleYear(sampleYear === 2020 ? 2025 : 2020),
    [sampleYear, setSampleYear],
  );
  const presenting = story !== null;

  useEffect(() => {
    if (!presenting) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const key = event.key;
      let handled = true;
      if (key === 'ArrowRight' || key === ' ' || key === 'PageDown') next();
      else if (key === 'ArrowLeft' || key === 'PageUp') previous();
      else if (key === 'Escape') leave();
      else if (key === 'f' || key === 'F') toggleFullscreen();
      // Y switches the sample baseline between the plan's 2020 and 2025 pictures.
      else if (key === 'y' || key === 'Y') toggleSampleYear();
      else if (/^\d$/.test(key) && Number(key) < STORY_CHAPTERS.length) goTo(Number(key));
      else handled = false;
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [presenting, next, previous, goTo, leave, toggleSampleYear]);

  if (!story) return null;
  const chapter = storyChapter(story.chapter);
  const step = storyStep(story);
  return (
    <div className="story" data-testid="story-overlay" data-chapter={chapter.number} data-step={story.step}>
      <div className={chapter.figures === 'indicators' ? 'story-column story-column--wide' : 'story-column'}>
        <section className="story-card" aria-live="polite">
          <p className="story-card__chapter">{t('story.chapterOf', { number: chapter.number })}</p>
          <h2 className="story-card__title" data-testid="story-title">
            {t(chapter.titleKey)}
          </h2>
          <p className="story-card__subtitle">{t(chapter.subtitleKey)}</p>
          <p className="story-card__narrative">{t(chapter.narrativeKey)}</p>
          {step.captionKey && (
            <p className="story-card__caption" data-testid="story-caption">
              {t(step.captionKey)}
            </p>
          )}
        </section>
        <aside className="story-side">
          <StoryFigures chapter={chapter} step={step} />
        </aside>
      </div>
      <nav className="story-nav" aria-label={t('story.progressLabel')}>
        <button
          type="button"
          className="story-nav__button"
          onClick={previous}
          aria-label={t('story.previous')}
        >
          ←
        </button>
        <ol className="story-dots">
          {STORY_CHAPTERS.map((entry) => (
            <li key={entry.id}>
              <button
                type="button"
                className={
                  entry.number === chapter.number
                    ? 'story-dots__dot story-dots__dot--active'
                    : 'story-dots__dot'
                }
                aria-current={entry.number === chapter.number ? 'step' : undefined}
                aria-label={`${entry.number} ${t(entry.titleKey)}`}
                onClick={() => goTo(entry.number)}
              >
                <span className="story-dots__label">{t(entry.titleKey)}</span>
                {entry.number === chapter.number && entry.steps.length > 1 && (
                  <span className="story-dots__steps" aria-hidden="true">
                    {entry.steps.map((item, index) => (
                      <span
                        key={item.id}
                        className={
                          index === story.step
                            ? 'story-dots__step story-dots__step--active'
                            : 'story-dots__step'
                        }
                      />
                    ))}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ol>
        <button type="button" className="story-nav__button" onClick={next} aria-label={t('story.next')}>
          →
        </button>
      </nav>
      <div className="story-controls">
        <SampleYearSwitch compact />
        <span className="story-controls__hint">{t('story.keysHint')}</span>
        <PngExportControls label="story.exportSlide" />
        <button type="button" className="story-controls__button" onClick={toggleFullscreen}>
          {t('story.fullscreen')}
        </button>
        <button type="button" className="story-controls__button" onClick={leave}>
          {t('story.leave')}
        </button>
      </div>
    </div>
  );
}
