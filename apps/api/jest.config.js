/** Jest runs the TypeScript sources through SWC (legacy decorators + metadata, as Nest needs) as ESM. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.spec.ts'],
  // The fast tier runs on its own (jest.unit.config.js, `pnpm test:unit`).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/unit/'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  // The per-test timeout is set in test/jest.setup.ts, scaled by TILLIT_TEST_TIME_FACTOR (test/time.ts).
  setupFilesAfterEnv: ['<rootDir>/test/jest.setup.ts'],
  maxWorkers: 2,
  reporters: ['default', ['<rootDir>/../../.ci/jest-results-reporter.mjs', { name: 'api' }]],
};
