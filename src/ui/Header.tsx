import { SaveStatus } from './storage/SaveStatus';
import { useAppState, useTranslate } from './store-context';
import { TeamStatus } from './team/TeamStatus';

/** Title bar with the language switch. */
export function Header() {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  const setLanguage = useAppState((state) => state.setLanguage);
  const other = language === 'zh' ? 'en' : 'zh';
  return (
    <header className="app-header">
      <div className="app-header__titles">
        <h1 className="app-header__title">{t('app.title')}</h1>
        <p className="app-header__subtitle">{t('app.subtitle')}</p>
      </div>
      <SaveStatus />
      <TeamStatus />
      <button
        type="button"
        className="language-switch"
        lang={other === 'en' ? 'en' : 'zh-CN'}
        aria-label={t('language.switchLabel')}
        onClick={() => setLanguage(other)}
      >
        {t('language.switch')}
      </button>
    </header>
  );
}
