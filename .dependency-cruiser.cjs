// The import boundaries of the workspace (STYLE.md 1 and 11, issue 11 point 5), checked by `pnpm deps:check`.
// The engine is a floor below the rituals: it defines what a command, a phase kind and a snapshot part are, and
// the app root (app.module.ts, App.tsx, the protocol's index) assembles the rituals into it.

/** A ritual: one folder per package (the protocol still has some as one file at its root, e.g. steering.ts). */
const RITUALS = '(steering|improvement|ethics|kasam|phases)';
const RITUAL_END = '(/|\\.tsx?$)';
/** Where the rituals live, per package. */
const SOURCES = '(apps/api/src|apps/web/src|packages/protocol/src)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment:
        'An import circle (type-only imports count too: they tie the picture of the code together just the same). ' +
        'Break it by moving what both sides need one floor down.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'api-engine-imports-ritual',
      severity: 'error',
      comment:
        "The API's engine (live/, meetings/, database/) imports no ritual; each ritual hands the engine its feature " +
        'definition and app.module.ts assembles them.',
      from: { path: '^apps/api/src/(live|meetings|database)/' },
      to: { path: `^apps/api/src/${RITUALS}/` },
    },
    {
      name: 'web-engine-imports-ritual',
      severity: 'error',
      comment: "The web's meetings/ renders whatever phase UIs the rituals registered; App.tsx assembles them.",
      from: { path: '^apps/web/src/meetings/' },
      to: { path: `^apps/web/src/${RITUALS}/` },
    },
    {
      name: 'protocol-core-imports-ritual',
      severity: 'error',
      comment:
        "The protocol's live core (commands, events, apply) imports no ritual; the protocol's index assembles them. " +
        'Covers a ritual as a folder and as one file at the root (steering.ts).',
      from: { path: '^packages/protocol/src/live/' },
      to: { path: `^packages/protocol/src/${RITUALS}${RITUAL_END}` },
    },
    {
      name: 'ritual-imports-ritual',
      severity: 'error',
      comment:
        'A ritual does not import another ritual: what two rituals share belongs to the engine or the common code ' +
        'below them. One edge is the domain itself and stays: an improvement idea is often born from a risk or ' +
        "disturbance of daily steering (PRODUCT.md), so improvement's repository reads steering's risk entity to " +
        "offer and show an idea's origin — read only, and nowhere else.",
      from: { path: `^${SOURCES}/${RITUALS}${RITUAL_END}` },
      to: {
        path: `^$1/${RITUALS}${RITUAL_END}`,
        pathNot: [`^$1/$2${RITUAL_END}`, '^apps/api/src/steering/risks/risk[.]entity[.]ts$'],
      },
    },
    {
      name: 'app-imports-app',
      severity: 'error',
      comment: 'An app does not reach into another app (the two narrow exceptions are the next two rules).',
      from: { path: '^apps/([^/]+)/', pathNot: '^apps/(e2e|bench)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'e2e-imports-app',
      severity: 'error',
      comment:
        "The browser tests may read the web's locale files and nothing else of another app: they assert the very " +
        'text people see, in both languages, from one source instead of a copy that drifts. A component or any ' +
        'logic of the web imported here is flagged.',
      from: { path: '^apps/e2e/' },
      to: {
        path: '^apps/',
        pathNot: [
          '^apps/e2e/',
          // locales/en.ts, steering/steering.locales.ts, improvement/strings.sv.ts, steering/locales/sv.ts
          '^apps/web/src/locales/[^/]+\\.ts$',
          '^apps/web/src/[^/]+/[^/]*locales\\.ts$',
          '^apps/web/src/[^/]+/strings\\.[a-z]+\\.ts$',
          '^apps/web/src/[^/]+/locales/[^/]+\\.ts$',
        ],
      },
    },
    {
      name: 'bench-imports-app',
      severity: 'error',
      comment:
        "The bench may use the API's scratch PostgreSQL (the one the API tests use) from the API's build, through " +
        'its declared @tillit/api dependency, and nothing else of another app. Starting `node apps/api/dist/main.js` ' +
        'as a process, as the bench does, is not an import at all.',
      from: { path: '^apps/bench/' },
      to: { path: '^apps/', pathNot: ['^apps/bench/', '^apps/api/dist/database/scratch\\.js$'] },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules', '(^|/)dist/'] },
    exclude: { path: ['(^|/)node_modules/', '(^|/)(test-results|playwright-report)/'] },
    // Type-only imports are part of the picture (and of a cycle) too.
    tsPreCompilationDeps: true,
    moduleSystems: ['es6', 'cjs'],
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
