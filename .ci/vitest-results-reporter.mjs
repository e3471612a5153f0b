// Writes this run's counts where .ci/run can add them up into its closing "N passed, N failed" line (the Vitest
// twin of jest-results-reporter.mjs).
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export default class ResultsReporter {
  constructor(options = {}) {
    this.name = options.name ?? 'vitest';
  }

  onTestRunEnd(testModules, unhandledErrors) {
    const dir = process.env.TILLIT_RESULTS_DIR;
    if (!dir) return;
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const module of testModules) {
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed++;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    const label = process.env.TILLIT_RESULTS_LABEL ?? 'local';
    writeFileSync(path.join(dir, `${this.name}-${label}.json`), JSON.stringify({ passed, failed, skipped }));
  }
}
