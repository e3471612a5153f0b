/** The scenarios' sizes: the issue's figures for a full run, scaled down for `--quick` (< 2 minutes in all). */
export interface FanoutPlan {
  rooms: number;
  perRoom: number;
  rate: number;
  durationMs: number;
}

export interface Plan {
  quick: boolean;
  /** Load-generator processes per scenario. */
  workers: number;
  ackTimeoutMs: number;
  drainMs: number;
  /** Unmeasured load at the scenario's rate before its window. */
  warmupMs: number;
  S1: FanoutPlan;
  S2: FanoutPlan;
  S3: FanoutPlan;
  S4: FanoutPlan & { killAtMs: number };
  S5: { rooms: number; perRoom: number; windowMs: number; itemsPerTeam: number };
  capacity: { perRoom: number; rates: number[]; stepMs: number };
}

export function makePlan(quick: boolean, workers: number): Plan {
  if (quick) {
    return {
      quick,
      workers,
      ackTimeoutMs: 3000,
      drainMs: 2000,
      warmupMs: 0,
      S1: { rooms: 1, perRoom: 100, rate: 50, durationMs: 3000 },
      S2: { rooms: 20, perRoom: 10, rate: 50, durationMs: 3000 },
      S3: { rooms: 20, perRoom: 10, rate: 50, durationMs: 3000 },
      S4: { rooms: 10, perRoom: 10, rate: 50, durationMs: 6000, killAtMs: 2000 },
      S5: { rooms: 20, perRoom: 10, windowMs: 2000, itemsPerTeam: 20 },
      capacity: { perRoom: 100, rates: [50, 100, 200, 400], stepMs: 2000 },
    };
  }
  return {
    quick,
    workers,
    ackTimeoutMs: 10_000,
    drainMs: 5000,
    warmupMs: 3000,
    S1: { rooms: 1, perRoom: 200, rate: 100, durationMs: 20_000 },
    S2: { rooms: 100, perRoom: 10, rate: 100, durationMs: 20_000 },
    S3: { rooms: 100, perRoom: 10, rate: 100, durationMs: 20_000 },
    S4: { rooms: 50, perRoom: 10, rate: 100, durationMs: 20_000, killAtMs: 8000 },
    S5: { rooms: 100, perRoom: 10, windowMs: 10_000, itemsPerTeam: 20 },
    capacity: {
      perRoom: 200,
      rates: [25, 50, 75, 100, 125, 150, 200, 250, 300, 400, 500, 600, 800, 1000, 1500, 2000],
      stepMs: 6000,
    },
  };
}

export const SCENARIOS = ['S1', 'S2', 'S3', 'S4', 'S5', 'capacity'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];
