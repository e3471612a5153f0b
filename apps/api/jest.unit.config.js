/** The fast tier: pure unit tests (test/unit), no PostgreSQL and no global setup; runs in seconds. */
import base from './jest.config.js';

export default {
  ...base,
  roots: ['<rootDir>/test/unit'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: undefined,
  globalTeardown: undefined,
  testTimeout: 5000,
  reporters: ['default', ['<rootDir>/../../.ci/jest-results-reporter.mjs', { name: 'api-unit' }]],
};
