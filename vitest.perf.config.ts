import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

// Performance checks of the dashboard in a real browser (`npm run test:perf`): like bench/, they run
// on their own, never inside the parallel test run whose load they would measure.
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['test/browser/**/*.perf.ts'], fileParallelism: false },
});
