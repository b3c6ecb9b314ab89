import { describe, expect, it } from 'vitest';
import { decodeHeartbeat, encodeHeartbeat, type Heartbeat } from './heartbeat.ts';

const BEAT: Heartbeat = {
  producer_id: 'simulator-1',
  host: 'producer-a',
  ts: '2026-03-04T10:00:00.000Z',
  sensors: 300,
  rate_hz: 299.5,
  sent_total: 12_345,
};

describe('heartbeat codec', () => {
  it('round-trips a heartbeat with and without the optional stopped flag', () => {
    expect(decodeHeartbeat(encodeHeartbeat(BEAT))).toEqual({ ok: true, value: BEAT });
    const last = { ...BEAT, stopped: true };
    expect(decodeHeartbeat(encodeHeartbeat(last))).toEqual({ ok: true, value: last });
  });

  it('rejects a stopped flag that is not a boolean', () => {
    const result = decodeHeartbeat(JSON.stringify({ ...BEAT, stopped: 'yes' }));
    expect(result.ok).toBe(false);
  });
});
