/** How daily steering speaks: its namespace's `t`, its long day format and lists of names. */
import { formatDay as formatDayIn } from '@tillit/protocol';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../lib/i18n';

export function useSteeringT() {
  return useTranslation('steering').t;
}

/** A day in the steering screens' long form ("onsdag 2 december"). */
export const formatDay = (day: string): string => formatDayIn(day, currentLocale(), 'long');

/** Names in alphabetical order (never in the order of who did what). */
export const namesList = (ids: readonly string[], nameOf: (id: string) => string) =>
  ids
    .map(nameOf)
    .sort((a, b) => a.localeCompare(b, 'sv'))
    .join(', ');
