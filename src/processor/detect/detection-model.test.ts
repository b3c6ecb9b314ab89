import { describe, expect, it } from 'vitest';
import { craftReadings } from '../../../test/support/crafted-readings.ts';
import type { Reading } from '../../domain/reading.ts';
import { createDetector } from './create-detector.ts';
import { decodeModel, encodeModel } from './detection-model.ts';
import { modelConfigOf } from './model-config.ts';
import { DEFAULT_DETECTOR_OPTIONS, type DetectorOptions } from './options.ts';

const OPTIONS: DetectorOptions = {
  ...DEFAULT_DETECTOR_OPTIONS,
  baselineWarmup: 100,
  modelWarmupRows: 300,
  forest: { trees: 20, sampleSize: 128, seed: 5 },
};

/** A trained motor model, from 400 readings of one sensor. */
function trainedModel() {
  const detector = createDetector(OPTIONS);
  detector.assess(craftReadings({ count: 400, seed: 8 }));
  const model = detector.typeState('motor').model;
  if (!model) throw new Error('no model trained');
  return model;
}

describe('detection model codec', () => {
  it('survives encode → JSON text → decode unchanged', () => {
    const model = trainedModel();
    expect(model.forest).not.toBeNull();
    expect(decodeModel(encodeModel(model))).toEqual(model);
  });

  it('records the configuration it was trained with', () => {
    const model = trainedModel();
    expect(model.config).toEqual(modelConfigOf(OPTIONS));
    expect(decodeModel(encodeModel(model)).config.forest).toEqual({ trees: 20, sampleSize: 128, seed: 5 });
  });

  it('refuses foreign or inconsistent payloads', () => {
    const text = encodeModel(trainedModel());
    const parsed = JSON.parse(text);
    expect(() => decodeModel(JSON.stringify({ ...parsed, format: 'x' }))).toThrow(/not a wattwatch/);
    expect(() => decodeModel(JSON.stringify({ ...parsed, formatVersion: 1 }))).toThrow(/not supported/);
    expect(() => decodeModel(JSON.stringify({ ...parsed, config: undefined }))).toThrow(/config must give/);
    expect(() =>
      decodeModel(JSON.stringify({ ...parsed, config: { ...parsed.config, slowHalfLife: 'x' } })),
    ).toThrow(/config must give/);
    // a model stored before feature revisions were recorded says nothing about what its thresholds mean
    const { featureRevision: _, ...unrevised } = parsed.config;
    expect(() => decodeModel(JSON.stringify({ ...parsed, config: unrevised }))).toThrow(/config must give/);
    expect(() => decodeModel(JSON.stringify({ ...parsed, testThresholds: [1] }))).toThrow(
      /one finite number per test/,
    );
  });

  it('binds by feature names: a process with another channel order scores identically', () => {
    const model = trainedModel();
    const probe = craftReadings({ count: 300, seed: 9, sensorId: 'motor_9' });
    // The second process first saw a sensor whose extra channel and missing metrics reorder its slots.
    const other = createDetector(OPTIONS);
    other.assess([{ ...(probe[0] as Reading), sensor_id: 'other', current: null, extra: { flow: 1 } }]);
    const same = createDetector(OPTIONS);
    same.installModel(decodeModel(encodeModel(model)), 'motor@7');
    other.installModel(decodeModel(encodeModel(model)), 'motor@7');
    expect(other.typeState('motor').channels).not.toEqual(same.typeState('motor').channels);
    const a = same.assess(probe);
    const b = other.assess(probe);
    expect(b).toEqual(a);
    expect(a.at(-1)?.model_version).toBe('motor@7');
  });
});
