// `pnpm test`: build, then every test stage in order — unit, API, browser — each one run even when an earlier one
// failed, so that one red API test does not hide the browser tests. Ends with a line per stage and exits with the
// worst status. Only a failed build stops it: nothing after it can run without one.
import { spawnSync } from 'node:child_process';

const STAGES = [
  { name: 'build', script: 'build', required: true },
  { name: 'unit', script: 'test:unit' },
  { name: 'api', script: 'test:api' },
  { name: 'browser', script: 'test:e2e' },
];

const results = [];
for (const stage of STAGES) {
  console.log(`\n=== ${stage.name}: pnpm ${stage.script}`);
  const started = Date.now();
  const run = spawnSync('pnpm', [stage.script], { stdio: 'inherit', shell: process.platform === 'win32' });
  const status = run.status ?? 1;
  results.push({ ...stage, status, seconds: Math.round((Date.now() - started) / 1000) });
  if (status !== 0 && stage.required) break;
}

console.log('\n=== pnpm test');
for (const r of results) console.log(`  ${r.name.padEnd(8)} ${r.status === 0 ? 'ok    ' : 'FAILED'}  ${r.seconds} s`);
for (const s of STAGES.slice(results.length)) console.log(`  ${s.name.padEnd(8)} not run (the build failed)`);
process.exit(Math.max(0, ...results.map((r) => r.status)));
