/**
 * `pnpm bench [--quick] [--only S1,capacity] [--workers 2] [--profile]`: Tillit's production build and the
 * bare socket.io baseline under the same simulated participants, in one run; prints a Markdown table and
 * writes results/latest.json. See README.md.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { makePlan, type ScenarioName, SCENARIOS } from './config.js';
import { type RunContext, TILLIT_MAIN } from './deployment.js';
import { startPg } from './infra/database.js';
import { killAll } from './infra/processes.js';
import { log } from './log.js';
import { evaluateTargets, markdown, type Results } from './report.js';
import { capacity, fanout, joinStorm, recovery } from './scenarios.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const RESULTS_DIR = path.resolve(here, '../results');

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    workers: { type: 'string', default: '2' },
    profile: { type: 'boolean', default: false },
    targets: { type: 'string', default: 'tillit,baseline' },
    rounds: { type: 'string' },
  },
  allowPositionals: true,
});
const quick = values.quick!;
const plan = makePlan(quick, Math.max(1, Number(values.workers)));
const only = new Set((values.only ?? SCENARIOS.join(',')).split(',').map((s) => s.trim()) as ScenarioName[]);
const targets = new Set(values.targets!.split(',').map((s) => s.trim()));
// S1–S3 alternate the two systems this many times (Tillit, baseline, Tillit, baseline …) and keep each one's
// least disturbed window (lowest p99): on a shared machine a neighbour's burst during one window would
// otherwise decide the ratio.
const rounds = Math.max(1, Number(values.rounds ?? (quick ? 1 : 2)));
for (const name of only)
  if (!SCENARIOS.includes(name)) throw new Error(`Unknown scenario ${name}; known: ${SCENARIOS.join(', ')}`);

// Bounded in time whatever happens: a stuck run kills everything it started.
const DEADLINE_MS = quick ? 4 * 60_000 : 45 * 60_000;
const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${DEADLINE_MS / 60_000} minutes; stopping everything`);
  killAll();
  process.exit(2);
}, DEADLINE_MS);
watchdog.unref();
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    killAll();
    process.exit(130);
  });
}

async function redisUrl(): Promise<string | null> {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const r = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await r.connect();
    await r.ping();
    return url;
  } catch {
    return null;
  } finally {
    r.disconnect();
  }
}

async function main() {
  if (!existsSync(TILLIT_MAIN))
    throw new Error(`${TILLIT_MAIN} is missing: run \`pnpm build\` first (or \`pnpm bench\`, which builds)`);
  const started = Date.now();
  mkdirSync(RESULTS_DIR, { recursive: true });
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'tillit-bench-'));
  const profileDir = values.profile ? path.join(RESULTS_DIR, 'profiles') : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  log(`${quick ? 'quick' : 'full'} run`);

  const pg = await startPg();
  const redis = await redisUrl();
  log(`PostgreSQL ${pg.version} (${pg.kind}); Redis ${redis ?? 'not reachable: S3 and S4 are skipped'}`);
  const ctx: RunContext = { pg, redisUrl: redis, logDir };

  const results: Results = {
    machine: {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      memory_gb: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()}`,
      node: process.version,
      postgres: `${pg.version} (${pg.kind})`,
      redis: redis ? 'redis://127.0.0.1:6379' : null,
      load_generators: plan.workers,
    },
    run: { mode: quick ? 'quick' : 'full', started_at: new Date(started).toISOString(), scenarios: [...only] },
    scenarios: {
      S1: { tillit: null, baseline: null },
      S2: { tillit: null, baseline: null },
      S3: { tillit: null, baseline: null },
      S4: { recover_s: null, lost: null },
      S5: { snapshot_p50_ms: null, snapshot_p99_ms: null },
      capacity: { tillit_rate: null, baseline_rate: null },
    },
    targets: [],
    details: {},
    errors: {},
  };
  const step = async (key: string, fn: () => Promise<void>) => {
    const t0 = Date.now();
    log(`${key} …`);
    try {
      await fn();
      log(`${key} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    } catch (err) {
      results.errors[key] = String((err as Error)?.stack ?? err);
      log(`${key} FAILED: ${String((err as Error)?.message ?? err)}`);
    }
  };
  const detail = (scenario: string, target: string, d: unknown) => {
    (results.details[scenario] ??= {}) as Record<string, unknown>;
    (results.details[scenario] as Record<string, unknown>)[target] = d;
  };

  try {
    for (const name of ['S1', 'S2', 'S3'] as const) {
      if (!only.has(name)) continue;
      const nodes = name === 'S3' ? 2 : 1;
      if (nodes === 2 && !redis) {
        results.errors[name] = 'Redis is not reachable';
        continue;
      }
      for (let round = 1; round <= rounds; round++) {
        for (const target of ['tillit', 'baseline'] as const) {
          if (!targets.has(target)) continue;
          const label = rounds > 1 ? `${name} ${target} (round ${round} of ${rounds})` : `${name} ${target}`;
          await step(label, async () => {
            const m = await fanout(
              ctx,
              plan,
              name,
              target,
              plan[name],
              nodes,
              target === 'tillit' ? profileDir : undefined,
            );
            log(`${label}: ${JSON.stringify(m.figures)}`);
            const all = (
              (results.details[name] as Record<string, unknown[]> | undefined)?.[`${target}_rounds`] ?? []
            ).concat({
              round,
              figures: m.figures,
            });
            const kept = results.scenarios[name][target];
            if (!kept || (m.figures.p99_ms ?? Infinity) < (kept.p99_ms ?? Infinity)) {
              results.scenarios[name][target] = m.figures;
              detail(name, target, { ...m.details, round });
            }
            detail(name, `${target}_rounds`, all);
          });
        }
      }
    }
    if (only.has('S4')) {
      if (!redis) results.errors.S4 = 'Redis is not reachable';
      else
        await step('S4 tillit', async () => {
          const r = await recovery(ctx, plan);
          results.scenarios.S4 = { recover_s: r.recover_s, lost: r.lost };
          detail('S4', 'tillit', r.details);
          log(`S4: ${JSON.stringify(results.scenarios.S4)}`);
        });
    }
    if (only.has('S5')) {
      await step('S5 tillit', async () => {
        const r = await joinStorm(ctx, plan, profileDir);
        results.scenarios.S5 = { snapshot_p50_ms: r.snapshot_p50_ms, snapshot_p99_ms: r.snapshot_p99_ms };
        detail('S5', 'tillit', r.details);
        log(`S5: ${JSON.stringify(results.scenarios.S5)}`);
      });
    }
    if (only.has('capacity')) {
      for (const target of ['tillit', 'baseline'] as const) {
        if (!targets.has(target)) continue;
        await step(`capacity ${target}`, async () => {
          const r = await capacity(ctx, plan, target, target === 'tillit' ? profileDir : undefined);
          results.scenarios.capacity[`${target}_rate`] = r.rate;
          detail('capacity', target, r.steps);
          log(
            `capacity ${target}: ${r.rate ?? 'none'} (${r.steps.map((s) => `${s.rate}/s p99 ${s.figures.p99_ms}`).join(', ')})`,
          );
        });
      }
    }
  } finally {
    await pg.stop().catch(() => undefined);
  }
  results.run.duration_s = Math.round((Date.now() - started) / 1000);
  results.targets = evaluateTargets(results);
  const file = path.join(RESULTS_DIR, 'latest.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(
    `\n## Tillit vs bare socket.io baseline (${quick ? 'quick' : 'full'} run, ${results.run.duration_s} s)\n`,
  );
  console.log(
    `Machine: ${String(results.machine.cpu)}, ${String(results.machine.cores)} cores, ${String(results.machine.memory_gb)} GB, ` +
      `Node ${process.version}, PostgreSQL ${String(results.machine.postgres)}\n`,
  );
  console.log(markdown(results));
  console.log(`\nWritten to ${path.relative(process.cwd(), file)}`);
  if (Object.keys(results.errors).length) console.log(`Server logs: ${logDir}`);
  else rmSync(logDir, { recursive: true, force: true });
  return Object.keys(results.errors).length ? 1 : 0;
}

main()
  .then((code) => {
    killAll();
    process.exit(code);
  })
  .catch((err: unknown) => {
    console.error(err);
    killAll();
    process.exit(1);
  });
