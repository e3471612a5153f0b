import { defineConfig } from 'vitest/config';

// Pure unit tests of the client (no browser, no server): the room's ordering, outbox and optimistic layer, and
// the rituals' assembly. The browser tests are in apps/e2e.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', ['../../.ci/vitest-results-reporter.mjs', { name: 'web-unit' }]],
  },
});
