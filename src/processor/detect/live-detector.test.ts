import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { craftReadings } from '../../../test/support/crafted-readings.ts';
import { createTestRedis, type TestRedis } from '../../../test/support/test-redis.ts';
import { createLogger } from '../../log/logger.ts';
import { createKeys } from '../../store/keys.ts';
import { createModelStore } from '../../store/model-store.ts';
import { decodeModel } from './detection-model.ts';
import {
  createLiveDetector,
  DEFAULT_LIVE_DETECTOR_OPTIONS,
  type LiveDetectorOptions,
} from './live-detector.ts';
import { FEATURE_REVISION } from './model-config.ts';
import { DEFAULT_DETECTOR_OPTIONS } from './options.ts';

const quiet = createLogger('test');
const options = (owner: string): LiveDetectorOptions => ({
  ...DEFAULT_LIVE_DETECTOR_OPTIONS,
  owner,
  pollIntervalMs: 60_000,
  detector: {
    ...DEFAULT_DETECTOR_OPTIONS,
    baselineWarmup: 100,
    modelWarmupRows: 300,
    forest: { trees: 20, sampleSize: 128, seed: 3 },
  },
});

describe('live detector with models in Redis', () => {
  let t: TestRedis;
  beforeEach(async () => {
    t = await createTestRedis();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('trains off the hot path, stores the version, and a second process loads it', async () => {
    const store = createModelStore(t.redis, createKeys(t.prefix));
    const a = createLiveDetector(store, options('a'), quiet);
    const b = createLiveDetector(store, options('b'), quiet);
    await a.start();
    await b.start();
    const readings = craftReadings({ count: 500, seed: 2 });
    a.assess(readings.slice(0, 400));
    // Training was only started: the model is not there until the slices have run.
    expect(a.detector.typeState('motor').version).toBe('rules');
    await a.idle();
    expect(a.detector.typeState('motor').version).toBe('motor@1');
    const stored = await store.loadNewer('motor', 0);
    expect(stored?.version).toBe(1);
    expect(decodeModel(stored?.payload ?? '')).toEqual(a.detector.typeState('motor').model);

    await b.refresh();
    expect(b.assess(readings.slice(0, 1))[0]?.model_version).toBe('warmup');
    expect(b.detector.typeState('motor').version).toBe('motor@1');
    await a.stop();
    await b.stop();
  });

  it('refuses a stored model whose features were computed with other settings', async () => {
    const store = createModelStore(t.redis, createKeys(t.prefix));
    const a = createLiveDetector(store, options('a'), quiet);
    const base = options('b');
    const b = createLiveDetector(
      store,
      { ...base, detector: { ...base.detector, slowHalfLife: 500 } },
      quiet,
    );
    await a.start();
    await b.start();
    a.assess(craftReadings({ count: 400, seed: 2 }));
    await a.idle();
    expect(a.detector.typeState('motor').version).toBe('motor@1');
    await b.refresh();
    expect(b.detector.typeState('motor').version).toBe('rules');
    await a.stop();
    await b.stop();
  });

  it('refuses a stored model from an older feature revision (same settings, features that meant something else)', async () => {
    const store = createModelStore(t.redis, createKeys(t.prefix));
    const a = createLiveDetector(store, options('a'), quiet);
    await a.start();
    a.assess(craftReadings({ count: 400, seed: 2 }));
    await a.idle();
    const stored = await store.loadNewer('motor', 0);
    if (!stored) throw new Error('process a stored no model');
    const old = JSON.parse(stored.payload);
    old.config.featureRevision = FEATURE_REVISION - 1;
    await store.save('motor', JSON.stringify(old));
    const b = createLiveDetector(store, options('b'), quiet);
    await b.start();
    await b.refresh();
    expect(b.detector.typeState('motor').version).toBe('rules');
    await a.stop();
    await b.stop();
  });

  it('leaves training to the process holding the lease', async () => {
    const store = createModelStore(t.redis, createKeys(t.prefix));
    expect(await store.claimTraining('motor', 'someone-else', 60_000)).toBe(true);
    const a = createLiveDetector(store, options('a'), quiet);
    await a.start();
    a.assess(craftReadings({ count: 400, seed: 4 }));
    await a.idle();
    expect(a.detector.typeState('motor').version).toBe('rules');
    expect(await store.loadNewer('motor', 0)).toBeNull();
    await a.stop();
  });

  it('keeps scoring while a model trains: readings interleave with training slices', async () => {
    const a = createLiveDetector(null, { ...options('solo'), trainSliceMs: 1 }, quiet);
    await a.start();
    const readings = craftReadings({ count: 1000, seed: 5 });
    a.assess(readings.slice(0, 400));
    let chunks = 0;
    for (let i = 400; i < 1000 && a.detector.typeState('motor').version === 'rules'; i += 10) {
      a.assess(readings.slice(i, i + 10));
      chunks++;
      await new Promise((r) => setImmediate(r));
    }
    await a.idle();
    expect(chunks).toBeGreaterThan(2);
    expect(a.detector.typeState('motor').version).toBe('motor@1');
    await a.stop();
  });
});
