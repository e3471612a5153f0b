/**
 * The scenarios. Each starts its own deployment(s) on a fresh database, connects the participants from
 * separate load-generator processes, measures one window of load, checks every acknowledged op against the
 * database and against every participant, and stops everything it started.
 */
import path from 'node:path';
import type { FanoutPlan, Plan } from './config.js';
import { Deployment, type Layout, type RunContext } from './deployment.js';
import { CpuMeter, peakRssMb } from './infra/processes.js';
import type { TargetKind } from './loadgen/messages.js';
import { LoadGenerators } from './loadgen/pool.js';
import { log } from './log.js';
import { quantileOf, round } from './stats.js';

/** The figures of one scenario for one target, with the key names. */
export interface Figures {
  p50_ms: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
  max_ms: number | null;
  acked_per_s: number | null;
  delivered_per_s: number | null;
  lost: number | null;
  cpu_pct: number | null;
  rss_mb: number | null;
  loop_p99_ms: number | null;
}

/** What the figures do not show but a reader needs to trust them. */
export interface Details {
  offered_per_s: number;
  participants: number;
  rooms: number;
  nodes: number;
  sent: number;
  skipped: number;
  acked: number;
  refused: number;
  refused_codes: Record<string, number>;
  unacked: number;
  /** Failover: commands re-sent with the same opId after a reconnect. */
  retried: number;
  lost_in_db: number;
  lost_in_delivery: number;
  dropped_connections: number;
  gap_rejoins: number;
  per_process: { cpu_pct: number | null; rss_mb: number | null; loop_p99_ms: number | null }[];
  loadgen_cpu_pct: (number | null)[];
  /** Busy share of the whole machine during the window (100 = every core): other work on it shows here. */
  machine_busy_pct: number | null;
  connect_failures: number;
  connect_errors: string[];
}

export interface Measured {
  figures: Figures;
  details: Details;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sleepUntil = (t: number) => sleep(Math.max(0, t - Date.now()));
const sumOrNull = (xs: (number | null)[]) =>
  xs.some((x) => x === null) ? null : xs.reduce<number>((a, b) => a + b!, 0);
const maxOrNull = (xs: (number | null)[]) => (xs.some((x) => x === null) ? null : Math.max(...(xs as number[])));

export interface Session {
  dep: Deployment;
  gens: LoadGenerators;
  connect: { joined: number; failed: number; errors: string[]; snapshotMs: number[] };
}

/** Starts a deployment and connects + joins every participant. */
export async function open(
  ctx: RunContext,
  plan: Plan,
  target: TargetKind,
  label: string,
  layout: Layout,
  o: { failover?: boolean; storm?: { windowMs: number }; beforeConnect?: (dep: Deployment) => Promise<void> } = {},
): Promise<Session> {
  const t0 = Date.now();
  const dep = await Deployment.start(ctx, target, label, layout);
  const t1 = Date.now();
  let gens: LoadGenerators | undefined;
  try {
    const participants = o.storm
      ? dep.participants.map((p, i) => ({ ...p, joinAtMs: (i / dep.participants.length) * o.storm!.windowMs }))
      : dep.participants;
    gens = await LoadGenerators.start(target, participants, plan.workers, o.failover ?? false);
    await o.beforeConnect?.(dep);
    const connect = await gens.connect(!!o.storm, Date.now() + 500);
    log(
      `  ${label} ${target}: started and seeded in ${((t1 - t0) / 1000).toFixed(1)} s, ${connect.joined} joined in ${((Date.now() - t1) / 1000).toFixed(1)} s`,
    );
    return { dep, gens, connect };
  } catch (err) {
    await gens?.close();
    await dep.stop();
    throw err;
  }
}

export async function close(s: Session): Promise<void> {
  await s.gens.close();
  await s.dep.stop();
}

/** One window of open-loop load at `rate` commands/s, then the accounting. */
export async function measure(
  s: Session,
  plan: Plan,
  rate: number,
  durationMs: number,
  o: { during?: (startAt: number) => Promise<void>; profile?: string; drainMs?: number } = {},
): Promise<
  Measured & { caughtUpAt: number[]; notRecovered: number; lastSeqOk: boolean; missingAfterRecovery: number }
> {
  const { dep, gens } = s;
  if (o.profile) await dep.nodes[0]!.probe({ probe: 'profile:start' });
  const startAt = Date.now() + 300;
  await Promise.all(dep.nodes.map((n) => n.probe({ probe: 'loop:reset' })));
  const cpu = (async () => {
    await sleepUntil(startAt);
    const meter = new CpuMeter([...dep.nodes.map((n) => n.pid), ...gens.pids]);
    await sleepUntil(startAt + durationMs);
    return { byPid: meter.stop(), machine: meter.machineBusyPct() };
  })();
  const side = o.during?.(startAt);
  const load = await gens.load(rate, startAt, durationMs, plan.ackTimeoutMs);
  await side;
  const { byPid: cpuByPid, machine } = await cpu;
  if (o.profile) await dep.nodes[0]!.probe({ probe: 'profile:stop', file: o.profile }, 60_000);
  const verify = await gens.verify(load.acked, o.drainMs ?? plan.drainMs);
  const loops = await Promise.all(dep.nodes.map((n) => n.probe({ probe: 'loop:read' })));
  const rss = dep.nodes.map((n) => (n.alive ? peakRssMb(n.pid) : null));
  const stored = await dep.storedOps();
  const lostInDb = load.acked.filter(([op]) => !stored.has(op)).length;
  const dbSeqs = await dep.lastSeqs();
  const lastSeqOk = Object.entries(verify.minLastSeq).every(([m, seq]) => dbSeqs[m] === undefined || dbSeqs[m] === seq);

  const secs = durationMs / 1000;
  const perProcess = dep.nodes.map((n, i) => {
    const loop = loops[i];
    return {
      cpu_pct: round(cpuByPid.get(n.pid) ?? null),
      rss_mb: round(rss[i]),
      loop_p99_ms: loop && loop.probe === 'loop:read' ? round(loop.p99, 2) : null,
    };
  });
  const alive = perProcess.filter((_, i) => dep.nodes[i]!.alive);
  return {
    figures: {
      p50_ms: round(verify.hist.quantile(0.5), 2),
      p95_ms: round(verify.hist.quantile(0.95), 2),
      p99_ms: round(verify.hist.quantile(0.99), 2),
      max_ms: round(verify.hist.max, 2),
      acked_per_s: round(load.acked.length / secs),
      delivered_per_s: round(verify.deliveries / secs),
      lost: lostInDb + verify.missing,
      cpu_pct: round(sumOrNull(perProcess.map((p) => p.cpu_pct))),
      rss_mb: round(maxOrNull(perProcess.map((p) => p.rss_mb))),
      loop_p99_ms: round(maxOrNull(alive.map((p) => p.loop_p99_ms)), 2),
    },
    details: {
      offered_per_s: rate,
      participants: dep.participants.length,
      rooms: dep.meetingIds.length,
      nodes: dep.nodes.length,
      sent: load.sent,
      skipped: load.skipped,
      acked: load.acked.length,
      refused: load.refused,
      refused_codes: load.refusedCodes,
      unacked: load.unacked,
      retried: load.retried,
      lost_in_db: lostInDb,
      lost_in_delivery: verify.missing,
      dropped_connections: verify.dropped,
      gap_rejoins: verify.gapRejoins,
      per_process: perProcess,
      loadgen_cpu_pct: gens.pids.map((pid) => round(cpuByPid.get(pid) ?? null)),
      machine_busy_pct: round(machine),
      connect_failures: s.connect.failed,
      connect_errors: s.connect.errors,
    },
    caughtUpAt: verify.caughtUpAt,
    notRecovered: verify.notRecovered,
    lastSeqOk,
    missingAfterRecovery: verify.missingAfterRecovery,
  };
}

/**
 * A short unmeasured load first: the JIT compiles the hot paths and pools fill, so the window measures the
 * steady state rather than a cold start. Its ops are still checked; a loss there is reported as an error.
 */
async function warmUp(s: Session, plan: Plan, rate: number): Promise<void> {
  if (plan.warmupMs <= 0) return;
  const m = await measure(s, plan, rate, plan.warmupMs);
  if (m.figures.lost) throw new Error(`${m.figures.lost} ops lost during the warm-up`);
}

/** S1, S2, S3: a fixed rate for a fixed time. */
export async function fanout(
  ctx: RunContext,
  plan: Plan,
  label: string,
  target: TargetKind,
  f: FanoutPlan,
  nodes: 1 | 2,
  profileDir?: string,
): Promise<Measured> {
  const s = await open(ctx, plan, target, label, { rooms: f.rooms, perRoom: f.perRoom, nodes });
  try {
    await warmUp(s, plan, f.rate);
    return await measure(s, plan, f.rate, f.durationMs, {
      profile: profileDir ? path.join(profileDir, `${label}-${target}.cpuprofile`) : undefined,
    });
  } finally {
    await close(s);
  }
}

export interface RecoveryResult {
  recover_s: number | null;
  lost: number | null;
  details: Record<string, unknown>;
}

/** S4: two nodes under load; one is SIGKILLed; its participants fail over to the other and catch up. */
export async function recovery(ctx: RunContext, plan: Plan): Promise<RecoveryResult> {
  const f = plan.S4;
  const s = await open(ctx, plan, 'tillit', 'S4', { rooms: f.rooms, perRoom: f.perRoom, nodes: 2 }, { failover: true });
  try {
    await warmUp(s, plan, f.rate);
    let killedAt = 0;
    const victim = s.dep.nodes[1]!;
    const m = await measure(s, plan, f.rate, f.durationMs, {
      // Long enough to see a slow recovery through (the target is 15 s); it ends as soon as everyone is back.
      drainMs: 30_000,
      during: async (startAt) => {
        await sleepUntil(startAt + f.killAtMs);
        killedAt = Date.now();
        victim.kill();
      },
    });
    const affected = Math.ceil(s.dep.participants.length / 2);
    const recovered = m.caughtUpAt.length;
    const recoverS =
      recovered >= affected && m.notRecovered === 0 ? (Math.max(...m.caughtUpAt) - killedAt) / 1000 : null;
    const lost = m.details.lost_in_db + m.details.lost_in_delivery + m.missingAfterRecovery + m.details.unacked;
    return {
      recover_s: round(recoverS, 2),
      lost,
      details: {
        ...m.details,
        figures: m.figures,
        killed_node: victim.name,
        participants_on_killed_node: affected,
        recovered,
        not_recovered: m.notRecovered,
        missing_after_recovery: m.missingAfterRecovery,
        every_participant_at_db_last_seq: m.lastSeqOk,
      },
    };
  } finally {
    await close(s);
  }
}

/** S5: participants connect and join within a window; time from starting to connect to the full snapshot. */
export async function joinStorm(ctx: RunContext, plan: Plan, profileDir?: string) {
  const f = plan.S5;
  const nodes = 1;
  const dep0 = { rooms: f.rooms, perRoom: f.perRoom, nodes, itemsPerTeam: f.itemsPerTeam } as const;
  const startedAt = Date.now();
  const s = await open(ctx, plan, 'tillit', 'S5', dep0, {
    storm: { windowMs: f.windowMs },
    beforeConnect: async (dep) => {
      if (profileDir) await dep.nodes[0]!.probe({ probe: 'profile:start' });
    },
  });
  try {
    if (profileDir)
      await s.dep.nodes[0]!.probe(
        { probe: 'profile:stop', file: path.join(profileDir, 'S5-tillit.cpuprofile') },
        60_000,
      );
    const t = s.connect.snapshotMs;
    return {
      snapshot_p50_ms: round(quantileOf(t, 0.5), 1),
      snapshot_p99_ms: round(quantileOf(t, 0.99), 1),
      details: {
        participants: s.dep.participants.length,
        rooms: f.rooms,
        window_ms: f.windowMs,
        joined: s.connect.joined,
        failed: s.connect.failed,
        errors: s.connect.errors,
        snapshot_max_ms: round(Math.max(...t), 1),
        rss_mb: round(peakRssMb(s.dep.nodes[0]!.pid)),
        setup_s: round((Date.now() - startedAt) / 1000),
      },
    };
  } finally {
    await close(s);
  }
}

export interface CapacityStep {
  rate: number;
  ok: boolean;
  figures: Figures;
  refused: number;
  unacked: number;
  loadgen_cpu_pct: (number | null)[];
}

/** The highest rate in S1's room at which p99 ≤ 100 ms and ≥ 95 % of commands are acknowledged. */
export async function capacity(
  ctx: RunContext,
  plan: Plan,
  target: TargetKind,
  profileDir?: string,
): Promise<{ rate: number | null; steps: CapacityStep[] }> {
  const c = plan.capacity;
  const s = await open(ctx, plan, target, 'capacity', { rooms: 1, perRoom: c.perRoom, nodes: 1 });
  const steps: CapacityStep[] = [];
  let best: number | null = null;
  try {
    await warmUp(s, plan, c.rates[0]!);
    // One step; a step passes when p99 ≤ 100 ms and ≥ 95 % of its commands were acknowledged.
    const step = async (rate: number) => {
      await s.dep.settle();
      const m = await measure(s, plan, rate, c.stepMs, {
        profile: profileDir ? path.join(profileDir, `capacity-${target}-${rate}.cpuprofile`) : undefined,
      });
      const ok = m.figures.p99_ms !== null && m.figures.p99_ms <= 100 && m.details.acked >= 0.95 * m.details.sent;
      steps.push({
        rate,
        ok,
        figures: m.figures,
        refused: m.details.refused,
        unacked: m.details.unacked,
        loadgen_cpu_pct: m.details.loadgen_cpu_pct,
      });
      await sleep(500);
      return ok;
    };
    for (const rate of c.rates) {
      if (!(await step(rate))) break;
      best = rate;
    }
    // Even the first step failed: halve down (at most three times) to find a rate that holds, else 0.
    for (
      let rate = Math.floor(c.rates[0]! / 2), tries = 0;
      best === null && tries < 3 && rate >= 5;
      rate = Math.floor(rate / 2), tries++
    ) {
      if (await step(rate)) best = rate;
    }
    best ??= 0;
    return { rate: best, steps };
  } finally {
    await close(s);
  }
}
