// Jest's per-test timeout (60 s on a quiet machine) under the suite's one time factor (test/time.ts). A test that
// sets its own limit (`test(..., scaled(90_000))`) scales it itself. ESM Jest has no global `jest`: it is here.
import { scaled } from './time.js';

(import.meta as ImportMeta & { jest: typeof jest }).jest.setTimeout(scaled(60_000));
