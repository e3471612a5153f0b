/** Limits the ethics schemas enforce; the UI uses the same numbers. */
export const ETHICS_LIMITS = {
  themeTitle: 120,
  themeCase: 3000,
  themeQuestion: 300,
  themeQuestions: 8,
  groupSummary: 4000,
  groupNotes: 8000,
  /** Most groups in one breakout phase. */
  groups: 20,
  groupSizeMin: 2,
  groupSizeMax: 12,
} as const;
