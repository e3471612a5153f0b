/** Limits the steering schemas enforce; the UI uses the same numbers. */
export const STEERING_LIMITS = {
  planTitle: 200,
  planTime: 60,
  planPlace: 120,
  planNotes: 2000,
  carryReason: 300,
  checkInWord: 40,
  riskDescription: 1000,
  riskCategory: 60,
  learning: 2000,
  escalationNote: 1000,
  escalationMessage: 2000,
  feedbackText: 1000,
  valueTag: 40,
  valueTags: 20,
  riskCategories: 30,
  /** People on one plan item, receivers of one feedback. */
  people: 50,
  /** Unfinished plan items from this many days back come up in the morning's carry-over. */
  carryOverDays: 7,
  feedbackPage: 100,
} as const;
