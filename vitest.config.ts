import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // the 100,000-sensor browser check (test/browser/scale.perf.ts) runs here too since its longest
    // task fell to 12-20 ms CPU (limit 50) even inside this parallel run; `npm run test:perf` runs it alone
    include: [
      'src/**/*.test.ts',
      'test/**/*.test.ts',
      'bench/**/*.test.ts',
      'frontend/src/**/*.test.ts',
      'test/browser/**/*.perf.ts',
    ],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    env: { KAFKAJS_NO_PARTITIONER_WARNING: '1' },
  },
});
