/** A dictionary's shape with every text widened to `string`: English is checked against Swedish key by key. */
export type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/**
 * A part of the app that brings its own strings (a ritual): one i18next namespace, `useTranslation(ns)`.
 * One huge key tree is too deep for TypeScript's checker, so big parts keep their own.
 */
export interface LocaleNamespace<N extends string = string, T extends object = object> {
  ns: N;
  sv: T;
  en: Strings<T>;
}
