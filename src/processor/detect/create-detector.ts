/**
 * The wattwatch detector: per-sensor robust baselines → scale-free features → calibrated tests and
 * a per-device-type Isolation Forest → score, flag, status, failure probability and reasons.
 * `assess` runs three passes over a batch: features and tests per reading (in order, since each
 * updates its sensor's baseline), the forest over each type's rows at once (tree by tree, which
 * keeps a tree in cache), then the verdict per reading.
 */
import type { Reading } from '../../domain/reading.ts';
import type { Assessment } from '../../domain/sensor-state.ts';
import type { Detector } from '../detector.ts';
import { BatchScratch, KIND_LIVE, KIND_SCREENED, KIND_STALE, KIND_WARMUP } from './batch-scratch.ts';
import { buildModel, runToEnd } from './build-model.ts';
import { FOREST_ROW_WIDTH, SENSOR_TEST_COUNT, T_DEVIATION, TEST_STRIDE } from './channel-features.ts';
import { bandsByMetric, concludeReading } from './conclude-reading.ts';
import type { DetectionModel } from './detection-model.ts';
import { concludeContextOf, observeContextOf } from './detector-contexts.ts';
import { DeviceTypeState } from './device-type-state.ts';
import { scoreRows } from './forest/compiled-forest.ts';
import { gatherChannels } from './gather-channels.ts';
import { observeReading } from './observe-reading.ts';
import { DEFAULT_DETECTOR_OPTIONS, type DetectorOptions } from './options.ts';
import { DEFAULT_RULE_BANDS, type RuleBand } from './rules.ts';
import { SensorTrack } from './sensor-track.ts';
import type { ScreenFinding, WarmupScreen } from './warmup-screen.ts';

export interface DetectorHooks {
  /**
   * Runs a model build for a device type. The default finishes it at once and installs the result
   * as `<type>@<n>`; the live processor spreads it over event-loop turns and stores it in Redis.
   */
  readonly train?: (type: DeviceTypeState, work: Generator<void, DetectionModel>) => void;
  readonly bands?: readonly RuleBand[];
}

export interface WattwatchDetector extends Detector {
  readonly options: DetectorOptions;
  /** A device type's state (channel layout, model in use), created on first use. */
  typeState(deviceType: string): DeviceTypeState;
  /** Uses `model` for its device type from now on, labelled `version` (e.g. `pump@4`). */
  installModel(model: DetectionModel, version: string): void;
  /** Sensors with state. */
  readonly sensorCount: number;
}

const WARMUP: Assessment = Object.freeze({
  anomaly_score: 0,
  is_anomaly: false,
  failure_probability: 0,
  status: 'normal',
  reasons: Object.freeze(['learning this sensor\u2019s baseline']),
  model_version: 'warmup',
});

const STALE: Assessment = Object.freeze({
  anomaly_score: 0,
  is_anomaly: false,
  failure_probability: 0,
  status: 'normal',
  reasons: Object.freeze(['repeated or out-of-order reading (seq not above the last one); not scored']),
  model_version: 'none',
});

/** A detector with its own per-sensor state; see DetectorOptions for the settings. */
export function createDetector(
  options: DetectorOptions = DEFAULT_DETECTOR_OPTIONS,
  hooks: DetectorHooks = {},
): WattwatchDetector {
  checkOptions(options);
  const types = new Map<string, DeviceTypeState>();
  const sensors = new Map<string, SensorTrack>();
  const scratch = new BatchScratch();
  const bands = bandsByMetric(hooks.bands ?? DEFAULT_RULE_BANDS);
  const observe = observeContextOf(options, bands);
  const conclude = concludeContextOf(options, bands);
  const localVersions = new Map<string, number>();
  const train =
    hooks.train ??
    ((type: DeviceTypeState, work: Generator<void, DetectionModel>) => {
      const model = runToEnd(work);
      type.training = false;
      const n = (localVersions.get(type.deviceType) ?? 0) + 1;
      localVersions.set(type.deviceType, n);
      type.install(model, `${type.deviceType}@${n}`);
    });

  const typeState = (deviceType: string): DeviceTypeState => {
    let type = types.get(deviceType);
    if (!type) {
      type = new DeviceTypeState(
        deviceType,
        options.profileBins,
        options.retrainRows,
        options.forest.seed + types.size,
      );
      types.set(deviceType, type);
    }
    return type;
  };

  const trackOf = (reading: Reading): SensorTrack => {
    let track = sensors.get(reading.sensor_id);
    // A sensor that changed device type starts over: its baseline belonged to other equipment.
    if (!track || track.type.deviceType !== reading.device_type) {
      const warmup = options.baselineWarmup + staggerOf(reading.sensor_id, options.warmupStagger);
      track = new SensorTrack(
        reading.sensor_id,
        typeState(reading.device_type),
        warmup,
        options.warmupScreen,
      );
      sensors.set(reading.sensor_id, track);
    }
    return track;
  };

  /**
   * Starts a sensor's baseline from its warm-up readings, then runs those readings through the
   * features once more: the rows they give are the sensor's contribution to its type's training
   * data, so a model can be trained on exactly the warm-up window (SKAB's and NAB's protocol).
   */
  const replayScratch = new BatchScratch();
  replayScratch.ensure(1);
  const touched = new Set<DeviceTypeState>();
  let lastTs = '';
  let lastTsMs = Number.NaN;
  const replayWarmup = (track: SensorTrack): void => {
    const warm = track.start(observe.rates);
    const type = track.type;
    type.peerDrift.addPeer();
    touched.add(type);
    const block = type.replayBlock;
    let pair = 0;
    for (let r = 0; r < warm.readings; r++) {
      const count = warm.counts[r] as number;
      for (let j = 0; j < count; j++, pair++) {
        observe.slots[j] = warm.slots[pair] as number;
        observe.values[j] = warm.values[pair] as number;
        observe.metricOf[j] = -1;
      }
      block.count = 0;
      replayScratch.ms[0] = warm.ms[r] as number;
      observeReading(warm.seq[r] as number, 0, track, block, count, observe, replayScratch);
      if (type.model === null || (replayScratch.statRatio[0] as number) < 1) type.offer(block, 0);
    }
  };

  /**
   * Judges warm-up reading i (its channels in observe.slots/values, flags into observe.flagged) and
   * notes its strongest channel as pass three expects a deviation test; returns its ratio.
   */
  const finding: ScreenFinding = { ratio: 0, slot: 0, z: 0, center: 0 };
  const screenWarmup = (track: SensorTrack, i: number, count: number): number => {
    const screen = track.screen as WarmupScreen;
    const warm = track.warm as NonNullable<SensorTrack['warm']>;
    const ratio = screen.judge(
      warm,
      count,
      observe.slots,
      observe.values,
      observe.metricOf,
      observe.flagged,
      finding,
    );
    if (ratio < 1) return ratio;
    scratch.statRatio[i] = ratio;
    scratch.bestTest[i] = SENSOR_TEST_COUNT + finding.slot * TEST_STRIDE + T_DEVIATION;
    scratch.bestSigned[i] = finding.z;
    scratch.bestReference[i] = finding.center;
    scratch.severity[i] = 0;
    scratch.band[i] = -1;
    return ratio;
  };

  const maybeTrain = (type: DeviceTypeState, dataMs: number): void => {
    if (type.training) return;
    const due =
      type.model === null
        ? type.sample.size >= options.modelWarmupRows
        : type.rowsSinceTraining >= options.retrainMinRows &&
          dataMs - type.lastTrainingMs >= options.retrainEveryMs;
    if (!due) return;
    const input = type.trainingInput();
    type.startedTraining(dataMs);
    train(type, buildModel(input, options));
  };

  return {
    options,
    typeState,
    installModel(model, version) {
      typeState(model.deviceType).install(model, version);
    },
    get sensorCount() {
      return sensors.size;
    },
    assess(readings) {
      const n = readings.length;
      scratch.ensure(n);
      for (const type of types.values()) type.block.count = 0;
      // Pass 1: features and tests, in order.
      for (let i = 0; i < n; i++) {
        const reading = readings[i] as Reading;
        const track = trackOf(reading);
        scratch.tracks[i] = track;
        // Readings of one tick share their timestamp: parse each distinct one once.
        if (reading.ts !== lastTs) {
          lastTs = reading.ts;
          lastTsMs = Date.parse(lastTs);
        }
        const ms = lastTsMs;
        scratch.ms[i] = ms;
        if (reading.seq <= track.lastSeq) {
          scratch.kind[i] = KIND_STALE;
          continue;
        }
        const count = gatherChannels(reading, track, ms, observe);
        if (track.warm !== null) {
          scratch.kind[i] = screenWarmup(track, i, count) >= 1 ? KIND_SCREENED : KIND_WARMUP;
          const flags = observe.flagged;
          if (
            track.buffer(ms, reading.seq, count, observe.slots, observe.values, flags) >= track.warmupReadings
          ) {
            replayWarmup(track);
          }
          continue;
        }
        scratch.kind[i] = KIND_LIVE;
        touched.add(track.type);
        observeReading(reading.seq, i, track, track.type.block, count, observe, scratch);
      }
      // Pass 2: the forest, tree-major over each type's rows.
      for (const type of types.values()) {
        const block = type.block;
        const forest = type.forest;
        if (forest !== null && block.count > 0) {
          scoreRows(forest, block.forestRows, FOREST_ROW_WIDTH, block.count, block.scores);
        }
      }
      // Pass 3: verdicts, episodes, reasons; rows retained for training.
      const out: Assessment[] = new Array(n);
      let lastMs = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < n; i++) {
        const kind = scratch.kind[i];
        if ((scratch.ms[i] as number) > lastMs) lastMs = scratch.ms[i] as number;
        if (kind === KIND_SCREENED) {
          out[i] = concludeReading(i, scratch.tracks[i] as SensorTrack, Number.NaN, conclude, scratch);
          continue;
        }
        if (kind === KIND_WARMUP) {
          out[i] = WARMUP;
          continue;
        }
        if (kind === KIND_STALE) {
          out[i] = STALE;
          continue;
        }
        const track = scratch.tracks[i] as SensorTrack;
        const block = track.type.block;
        const row = scratch.row[i] as number;
        const score = track.type.forest !== null ? (block.scores[row] as number) : Number.NaN;
        const assessment = concludeReading(i, track, score, conclude, scratch);
        out[i] = assessment;
        if (track.type.model === null || !assessment.is_anomaly) track.type.offer(block, row);
      }
      for (const type of touched) maybeTrain(type, lastMs);
      touched.clear();
      scratch.tracks.fill(undefined, 0, n);
      return out;
    },
  };
}

/** Extra warm-up readings of a sensor in [0, stagger], from an FNV-1a hash of its id. */
export function staggerOf(sensorId: string, stagger: number): number {
  if (stagger <= 0) return 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < sensorId.length; i++) h = Math.imul(h ^ sensorId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % (stagger + 1);
}

/** Settings that would silently break detection fail here instead. */
function checkOptions(o: DetectorOptions): void {
  const problems: string[] = [];
  if (!Number.isInteger(o.baselineWarmup) || o.baselineWarmup < 2)
    problems.push('baselineWarmup must be an integer ≥ 2');
  if (!Number.isInteger(o.warmupStagger) || o.warmupStagger < 0)
    problems.push('warmupStagger must be an integer ≥ 0');
  if (!Number.isInteger(o.retrainRows) || o.retrainRows < 2)
    problems.push('retrainRows must be an integer ≥ 2');
  if (o.modelWarmupRows > o.retrainRows)
    problems.push('modelWarmupRows must not exceed retrainRows (the sample size)');
  if (!(o.calibration.quantile > 0.5 && o.calibration.quantile < 1))
    problems.push('calibration.quantile must be in (0.5, 1)');
  if (!(o.calibration.margin >= 1)) problems.push('calibration.margin must be ≥ 1');
  if (!(o.flaggedLearnWeight >= 0 && o.flaggedLearnWeight <= 1))
    problems.push('flaggedLearnWeight must be in [0, 1]');
  if (problems.length > 0) throw new Error(`invalid detector options: ${problems.join('; ')}`);
}
