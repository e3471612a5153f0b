import { useEffect } from 'react';
import { applyLocale } from '../lib/i18n';
import { useMe } from './auth.api';

/** Once the server says who is signed in, their saved language wins over this device's. */
export function LocaleSync() {
  const me = useMe();
  const locale = me.data?.locale;
  useEffect(() => {
    if (locale) void applyLocale(locale);
  }, [locale]);
  return null;
}
