/** latest.json (with the key names) and the Markdown table printed at the end of a run. */
import type { Figures } from './scenarios.js';

export interface Pair {
  tillit: Figures | null;
  baseline: Figures | null;
}

export interface Results {
  machine: Record<string, unknown>;
  run: Record<string, unknown>;
  scenarios: {
    S1: Pair;
    S2: Pair;
    S3: Pair;
    S4: { recover_s: number | null; lost: number | null };
    S5: { snapshot_p50_ms: number | null; snapshot_p99_ms: number | null };
    capacity: { tillit_rate: number | null; baseline_rate: number | null };
  };
  targets: Target[];
  details: Record<string, unknown>;
  errors: Record<string, string>;
}

export interface Target {
  target: string;
  met: boolean | null;
  measured: string;
}

const FIGURE_KEYS: (keyof Figures)[] = [
  'p50_ms',
  'p95_ms',
  'p99_ms',
  'max_ms',
  'acked_per_s',
  'delivered_per_s',
  'lost',
  'cpu_pct',
  'rss_mb',
  'loop_p99_ms',
];

export const ratio = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined || b === null || b === undefined || b === 0 ? null : Math.round((a / b) * 100) / 100;

const cell = (v: number | null | undefined) => (v === null || v === undefined ? '–' : String(v));

export function evaluateTargets(r: Results): Target[] {
  const t: Target[] = [];
  const s = r.scenarios;
  const tillitLost = [s.S1.tillit?.lost, s.S2.tillit?.lost, s.S3.tillit?.lost, s.S4.lost];
  const measuredLost = tillitLost.filter((x): x is number => typeof x === 'number');
  t.push({
    target: 'lost = 0 in every scenario',
    met: measuredLost.some((x) => x > 0) ? false : measuredLost.length < tillitLost.length ? null : true,
    measured: `S1 ${cell(tillitLost[0])}, S2 ${cell(tillitLost[1])}, S3 ${cell(tillitLost[2])}, S4 ${cell(tillitLost[3])}`,
  });
  for (const name of ['S1', 'S2'] as const) {
    const p = s[name];
    const rp = ratio(p.tillit?.p99_ms, p.baseline?.p99_ms);
    t.push({
      target: `${name}: Tillit p99 ≤ 2 × baseline p99`,
      met: rp === null ? null : rp <= 2,
      measured: `${cell(p.tillit?.p99_ms)} ms vs ${cell(p.baseline?.p99_ms)} ms (× ${cell(rp)})`,
    });
    const offered =
      (r.details[name] as { tillit?: { offered_per_s?: number } } | undefined)?.tillit?.offered_per_s ?? null;
    const share = ratio(p.tillit?.acked_per_s, offered);
    t.push({
      target: `${name}: acknowledged/s ≥ 95 % of offered`,
      met: share === null ? null : share >= 0.95,
      measured: `${cell(p.tillit?.acked_per_s)}/s of ${cell(offered)}/s`,
    });
  }
  const rc = ratio(s.capacity.tillit_rate, s.capacity.baseline_rate);
  t.push({
    target: "Capacity: Tillit's rate ≥ 50 % of the baseline's",
    met: rc === null ? null : rc >= 0.5,
    measured: `${cell(s.capacity.tillit_rate)}/s vs ${cell(s.capacity.baseline_rate)}/s (× ${cell(rc)})`,
  });
  const r3 = ratio(s.S3.tillit?.p99_ms, s.S2.tillit?.p99_ms);
  t.push({
    target: "S3: p99 ≤ 1.5 × S2's",
    met: r3 === null ? null : r3 <= 1.5,
    measured: `${cell(s.S3.tillit?.p99_ms)} ms vs ${cell(s.S2.tillit?.p99_ms)} ms (× ${cell(r3)})`,
  });
  t.push({
    target: 'S4: every participant caught up within 15 s',
    // Not run (or failed to run) leaves `lost` null; run, a null `recover_s` means someone never caught up.
    met: s.S4.lost === null ? null : s.S4.recover_s !== null && s.S4.recover_s <= 15,
    measured: `${cell(s.S4.recover_s)} s`,
  });
  return t;
}

export function markdown(r: Results): string {
  const out: string[] = [];
  const head = [
    'scenario',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'acked/s',
    'delivered/s',
    'lost',
    'API CPU %',
    'API RSS MB',
    'loop p99 ms',
  ];
  out.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
  for (const name of ['S1', 'S2', 'S3'] as const) {
    const p = r.scenarios[name];
    const row = (label: string, f: (k: keyof Figures) => number | null | undefined) =>
      out.push(`| ${label} | ${FIGURE_KEYS.map((k) => cell(f(k))).join(' | ')} |`);
    row(`${name} Tillit`, (k) => p.tillit?.[k]);
    row(`${name} baseline`, (k) => p.baseline?.[k]);
    row(`${name} Tillit ÷ baseline`, (k) => ratio(p.tillit?.[k], p.baseline?.[k]));
  }
  out.push('');
  const s = r.scenarios;
  out.push('| scenario | figure | Tillit | baseline | Tillit ÷ baseline |', '|---|---|---|---|---|');
  out.push(
    `| Capacity (S1's room, p99 ≤ 100 ms) | commands/s | ${cell(s.capacity.tillit_rate)} | ${cell(s.capacity.baseline_rate)} | ${cell(ratio(s.capacity.tillit_rate, s.capacity.baseline_rate))} |`,
  );
  out.push(`| S4 recovery (kill one of two nodes) | seconds until all caught up | ${cell(s.S4.recover_s)} | | |`);
  out.push(`| S4 recovery | commands lost | ${cell(s.S4.lost)} | | |`);
  out.push(`| S5 join storm | time to full snapshot p50 ms | ${cell(s.S5.snapshot_p50_ms)} | | |`);
  out.push(`| S5 join storm | time to full snapshot p99 ms | ${cell(s.S5.snapshot_p99_ms)} | | |`);
  out.push('');
  out.push('| target | met | measured |', '|---|---|---|');
  for (const t of r.targets)
    out.push(`| ${t.target} | ${t.met === null ? 'not measured' : t.met ? 'yes' : '**no**'} | ${t.measured} |`);
  const errors = Object.entries(r.errors);
  if (errors.length) {
    out.push('', 'Errors:');
    for (const [k, v] of errors) out.push(`- ${k}: ${v.split('\n')[0]}`);
  }
  return out.join('\n');
}
