/** Limits the improvement schemas enforce; the UI uses the same numbers. */
export const IMPROVEMENT_LIMITS = {
  /** The idea's title is its item's text. */
  title: 500,
  field: 5000,
  measureName: 120,
  unit: 40,
  definition: 2000,
  note: 500,
  questionsPerCycle: 10,
  cyclesPerIdea: 50,
  measuresPerIdea: 10,
  pointsPerMeasure: 1000,
  /** Seconds a field stays "being edited by" someone after their last keystroke save or claim. */
  leaseSeconds: 45,
} as const;
