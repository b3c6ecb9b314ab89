/**
 * The contract restates the store's and domain's shapes without importing them (so the dashboard can
 * read it alone); these compile-time checks keep the two from drifting apart.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { Alert } from '../../domain/alert.ts';
import type { DeviceType as DomainDeviceType } from '../../domain/device-type.ts';
import type { SensorState } from '../../domain/sensor-state.ts';
import type { SensorStatus as DomainStatus } from '../../domain/sensor-status.ts';
import type { SensorHistoryPoint as StoreHistoryPoint } from '../../store/sensor-history-codec.ts';
import type {
  EpisodeCounts as StoreEpisodes,
  OutcomeCounts as StoreOutcomes,
} from '../../store/store-reader.ts';
import type { AlertItem, EpisodeCounts, OutcomeCounts } from './rest.ts';
import type { DeviceType, Sensor, SensorHistoryPoint, SensorStatus } from './sensor.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

describe('the API contract matches the store it is read from', () => {
  it('has the same enums', () => {
    expectTypeOf<SensorStatus>().toEqualTypeOf<DomainStatus>();
    expectTypeOf<DeviceType>().toEqualTypeOf<DomainDeviceType>();
  });

  it('shows a sensor state as stored', () => {
    expectTypeOf<SensorState>().toExtend<Sensor>();
    expectTypeOf<keyof Sensor>().toEqualTypeOf<keyof SensorState>();
  });

  it('shows history points, alerts and quality counts as stored', () => {
    expectTypeOf<Mutable<SensorHistoryPoint>>().toEqualTypeOf<Mutable<StoreHistoryPoint>>();
    expectTypeOf<Alert>().toExtend<AlertItem>();
    expectTypeOf<keyof AlertItem>().toEqualTypeOf<keyof Alert>();
    expectTypeOf<StoreOutcomes>().toEqualTypeOf<OutcomeCounts>();
    expectTypeOf<StoreEpisodes>().toEqualTypeOf<EpisodeCounts>();
  });
});
