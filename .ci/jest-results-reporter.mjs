// Writes this run's counts where .ci/run can add them up into its closing "N passed, N failed" line.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** Jest reporter for every package's Jest config: `['<repo>/.ci/jest-results-reporter.mjs', { name: 'api' }]`. */
export default class ResultsReporter {
  constructor(_globalConfig, options = {}) {
    this.name = options.name ?? 'jest';
  }

  onRunComplete(_contexts, results) {
    const dir = process.env.TILLIT_RESULTS_DIR;
    if (!dir) return;
    const label = process.env.TILLIT_RESULTS_LABEL ?? 'local';
    writeFileSync(
      path.join(dir, `${this.name}-${label}.json`),
      JSON.stringify({
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests,
      }),
    );
  }
}
