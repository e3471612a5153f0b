// Writes this run's counts where .ci/run adds them up into its closing "N passed, N failed" line.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FullResult, Reporter, Suite } from '@playwright/test/reporter';

export default class ResultsReporter implements Reporter {
  private suite: Suite | undefined;

  onBegin(_config: unknown, suite: Suite): void {
    this.suite = suite;
  }

  onEnd(result: FullResult): void {
    const dir = process.env.TILLIT_RESULTS_DIR;
    if (!dir || !this.suite) return;
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const test of this.suite.allTests()) {
      const outcome = test.outcome();
      if (outcome === 'expected' || outcome === 'flaky') passed++;
      else if (outcome === 'skipped') skipped++;
      else failed++;
    }
    // A run that broke outside any test (the web server did not start, say) must not look green.
    if (result.status !== 'passed' && failed === 0) failed = 1;
    const label = process.env.TILLIT_RESULTS_LABEL ?? 'local';
    writeFileSync(path.join(dir, `e2e-${label}.json`), JSON.stringify({ passed, failed, skipped }));
  }
}
