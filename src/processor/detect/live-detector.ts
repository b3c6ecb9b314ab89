/**
 * The detector as the `process` command runs it: models shared through Redis. On start it loads
 * the newest model of every device type; while running it polls for newer versions (another
 * instance may have trained one) and, when its own data calls for (re)training, takes the type's
 * training lease, trains in slices of a few milliseconds between event-loop turns, saves the model
 * as the next version and uses it. Without a store it trains the same way and keeps models local.
 */
import { DEVICE_TYPES, type DeviceType } from '../../domain/device-type.ts';
import { createLogger, type Logger } from '../../log/logger.ts';
import type { ModelStore } from '../../store/model-store.ts';
import type { Detector } from '../detector.ts';
import { runSliced } from './build-model.ts';
import { createDetector, type WattwatchDetector } from './create-detector.ts';
import { type DetectionModel, decodeModel, encodeModel } from './detection-model.ts';
import type { DeviceTypeState } from './device-type-state.ts';
import { featureMismatches, modelConfigOf } from './model-config.ts';
import { DEFAULT_DETECTOR_OPTIONS, type DetectorOptions } from './options.ts';

export interface LiveDetectorOptions {
  readonly detector: DetectorOptions;
  /** How often to look for a newer model version in Redis. */
  readonly pollIntervalMs: number;
  /** Longest piece of training work between two event-loop turns. */
  readonly trainSliceMs: number;
  /** How long a training lease lasts; a crashed trainer's lease lapses after this. */
  readonly leaseMs: number;
  /** Who holds leases: unique per process. */
  readonly owner: string;
}

export const DEFAULT_LIVE_DETECTOR_OPTIONS: LiveDetectorOptions = Object.freeze({
  detector: DEFAULT_DETECTOR_OPTIONS,
  pollIntervalMs: 30_000,
  trainSliceMs: 10,
  leaseMs: 120_000,
  owner: `process-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
});

export interface LiveDetector extends Detector {
  readonly detector: WattwatchDetector;
  /** Loads the newest stored models and starts polling. */
  start(): Promise<void>;
  /** Stops polling, abandons training in progress and waits for it to wind down. */
  stop(): Promise<void>;
  /** Checks the store for newer models now (what the poll timer does). */
  refresh(): Promise<void>;
  /** Resolves when no training is in progress (tests, orderly shutdown). */
  idle(): Promise<void>;
}

/** A detector whose models live in `store` (or only in memory when `store` is null). */
export function createLiveDetector(
  store: ModelStore | null,
  options: LiveDetectorOptions = DEFAULT_LIVE_DETECTOR_OPTIONS,
  log: Logger = createLogger('processor.detect'),
): LiveDetector {
  const versions = new Map<string, number>();
  /** After a lost lease, when to ask again (wall clock): no Redis call per batch meanwhile. */
  const blockedUntil = new Map<string, number>();
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const install = (model: DetectionModel, version: number): void => {
    if ((versions.get(model.deviceType) ?? 0) >= version) return;
    versions.set(model.deviceType, version);
    detector.installModel(model, `${model.deviceType}@${version}`);
  };

  const train = async (type: DeviceTypeState, work: Generator<void, DetectionModel>): Promise<void> => {
    try {
      const deviceType = type.deviceType as DeviceType;
      if (store) {
        if (Date.now() < (blockedUntil.get(deviceType) ?? 0)) return;
        if (!(await store.claimTraining(deviceType, options.owner, options.leaseMs))) {
          blockedUntil.set(deviceType, Date.now() + Math.min(options.leaseMs, options.pollIntervalMs));
          log.debug('another process holds the training lease', { deviceType });
          return;
        }
      }
      const model = await runSliced(work, options.trainSliceMs, () => stopped);
      if (!model) return;
      const version = store
        ? await store.save(deviceType, encodeModel(model))
        : (versions.get(deviceType) ?? 0) + 1;
      install(model, version);
      log.info('trained a detection model', {
        deviceType,
        version,
        rows: model.rows,
        forest: model.forest !== null,
      });
    } catch (error) {
      log.error('training a detection model failed', { deviceType: type.deviceType, error });
    } finally {
      type.training = false;
    }
  };

  const detector = createDetector(options.detector, {
    train(type, work) {
      const job = train(type, work);
      inFlight.add(job);
      void job.finally(() => inFlight.delete(job));
    },
  });

  const localConfig = modelConfigOf(options.detector);
  const refresh = async (): Promise<void> => {
    if (!store) return;
    for (const deviceType of DEVICE_TYPES) {
      const stored = await store.loadNewer(deviceType, versions.get(deviceType) ?? 0);
      if (!stored) continue;
      try {
        const model = decodeModel(stored.payload);
        const mismatches = featureMismatches(model.config, localConfig);
        if (mismatches.length > 0) {
          // Its thresholds describe features this process computes differently: using it would
          // silently flag too much or too little. Instances of one fleet must share settings.
          throw new Error(`trained with other feature settings: ${mismatches.join('; ')}`);
        }
        install(model, stored.version);
        log.info('loaded a detection model', { deviceType, version: stored.version });
      } catch (error) {
        log.error('a stored detection model is unreadable; keeping the current one', {
          deviceType,
          version: stored.version,
          error,
        });
        versions.set(deviceType, stored.version);
      }
    }
  };

  return {
    detector,
    assess: (readings) => detector.assess(readings),
    refresh,
    async start() {
      stopped = false;
      await refresh();
      const poll = () => {
        refresh()
          .catch((error) => log.warn('polling for detection models failed', { error }))
          .finally(() => {
            if (!stopped) schedule();
          });
      };
      // Unreferenced: polling alone never keeps a process alive.
      const schedule = () => {
        timer = setTimeout(poll, options.pollIntervalMs);
        timer.unref();
      };
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await Promise.all(inFlight);
    },
    async idle() {
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
  };
}
