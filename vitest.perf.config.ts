import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

// Performance checks of the dashboard in a real browser on their own (`npm run test:perf`), for
// figures without the rest of the suite's load; `npm test` runs them too, in parallel with the rest.
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['test/browser/**/*.perf.ts'], fileParallelism: false },
});
