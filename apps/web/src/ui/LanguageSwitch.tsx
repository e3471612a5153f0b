import { useTranslation } from 'react-i18next';
import { useChangeLocale } from '../auth/auth.api';
import { LOCALES } from '../lib/i18n';

/** Two buttons, each labelled in its own language, so anyone can find theirs. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const changeLocale = useChangeLocale();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className="link-button"
          aria-pressed={i18n.resolvedLanguage === locale}
          onClick={() => void changeLocale(locale)}
        >
          {t(`language.${locale}`)}
        </button>
      ))}
    </div>
  );
}
