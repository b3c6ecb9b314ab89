/**
 * Decode + validate throughput of the reading codec against bare JSON.parse, in the same process.
 *   npm run bench -- codec [--readings 20000] [--rounds 15]
 * Target (issue 2): at least 400,000 readings/s and within 2x of JSON.parse.
 */
import { parseArgs } from 'node:util';
import { DEVICE_TYPES } from '../src/domain/device-type.ts';
import { LOCATIONS } from '../src/domain/location.ts';
import type { Reading } from '../src/domain/reading.ts';
import { decodeReading, encodeReading } from '../src/domain/reading-codec.ts';
import { median, printTable, writeResult } from './lib/report.ts';

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { readings: { type: 'string', default: '20000' }, rounds: { type: 'string', default: '15' } },
  });
  const count = Number(values.readings);
  const rounds = Number(values.rounds);
  const messages = Array.from({ length: count }, (_, i) => encodeReading(sampleReading(i)));
  const bytes = messages.reduce((sum, m) => sum + m.length, 0) / count;

  const [baseline = 0, codec = 0] = measureInterleaved(messages, rounds, [
    (m) => JSON.parse(m.toString('utf8')) !== null,
    (m) => decodeReading(m).ok,
  ]);
  const ratio = baseline / codec;

  printTable([
    { path: 'JSON.parse (baseline)', 'readings/s': Math.round(baseline) },
    { path: 'decodeReading (parse + validate)', 'readings/s': Math.round(codec) },
  ]);
  console.log(
    `\nmean reading size ${bytes.toFixed(0)} B; decodeReading is ${ratio.toFixed(2)}x slower than JSON.parse`,
  );
  console.log(
    `target: >= 400,000 readings/s (${codec >= 400_000 ? 'met' : 'NOT met'}), within 2x (${ratio <= 2 ? 'met' : 'NOT met'})`,
  );
  writeResult('codec', {
    readings: count,
    rounds,
    mean_bytes: Math.round(bytes),
    json_parse_per_s: Math.round(baseline),
    decode_per_s: Math.round(codec),
    ratio: Number(ratio.toFixed(3)),
  });
}

/**
 * Median readings/s of each decoder over `rounds` passes (after two warm-up passes). The decoders
 * take turns within every round so machine noise hits them alike.
 */
function measureInterleaved(
  messages: readonly Buffer[],
  rounds: number,
  decoders: readonly ((m: Buffer) => boolean)[],
): number[] {
  const rates = decoders.map(() => [] as number[]);
  for (let round = 0; round < rounds + 2; round++) {
    decoders.forEach((decode, d) => {
      let accepted = 0;
      const start = process.hrtime.bigint();
      for (const message of messages) if (decode(message)) accepted++;
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (accepted !== messages.length) throw new Error(`only ${accepted} of ${messages.length} accepted`);
      if (round >= 2) rates[d]?.push(messages.length / seconds);
    });
  }
  return rates.map(median);
}

/** A reading shaped like the simulator's: realistic magnitudes and decimals. */
function sampleReading(i: number): Reading {
  const current = 10 + ((i * 7919) % 4000) / 100;
  const voltage = 228 + ((i * 31) % 400) / 100;
  const powerFactor = 0.85 + ((i * 13) % 10) / 100;
  return {
    sensor_id: `sensor_${String(i % 100_000).padStart(6, '0')}`,
    ts: new Date(Date.UTC(2026, 10, 22, 6, 0, 0) + i * 10).toISOString(),
    seq: 1_763_791_200_000 + i,
    device_type: DEVICE_TYPES[i % DEVICE_TYPES.length] ?? 'motor',
    location: LOCATIONS[(i * 3) % LOCATIONS.length] ?? 'floor_a',
    current: round(current, 2),
    voltage: round(voltage, 1),
    power_factor: round(powerFactor, 2),
    power_kw: round((current * voltage * powerFactor) / 1000, 3),
    energy_kwh: round(1000 + i / 3.7, 3),
    temperature: round(35 + (i % 200) / 10, 1),
    pressure: round(4 + (i % 300) / 100, 2),
    vibration: round(1 + (i % 250) / 100, 2),
    producer_host: 'producer-01',
    injected: i % 97 === 0 ? 'spike' : null,
  };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
