import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@tillit/protocol';
import { en } from '../locales/en';
import { sv } from '../locales/sv';
import type { LocaleNamespace } from '../locales/strings';

export const LOCALES = ['sv', 'en'] as const satisfies readonly Locale[];
const STORAGE_KEY = 'tillit.locale';

function isLocale(value: unknown): value is Locale {
  return value === 'sv' || value === 'en';
}

/** The language chosen on this device before sign-in; Swedish when nothing was chosen. */
export function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : 'sv';
  } catch {
    return 'sv';
  }
}

export function currentLocale(): Locale {
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'sv';
}

/** Shows the app in `locale` and remembers it on this device. */
export async function applyLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

/**
 * Starts i18next with the app's own strings (`translation`) and the namespaces the app root hands over (each
 * ritual brings its own). Called once, before the first render.
 */
export function startI18n(namespaces: readonly LocaleNamespace[]): void {
  const bundle = (translation: object, lang: Locale) => ({
    translation,
    ...Object.fromEntries(namespaces.map((n) => [n.ns, n[lang]])),
  });
  void i18n.use(initReactI18next).init({
    resources: { sv: bundle(sv, 'sv'), en: bundle(en, 'en') },
    lng: storedLocale(),
    fallbackLng: 'sv',
    supportedLngs: LOCALES,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18n.language;
}

export default i18n;
