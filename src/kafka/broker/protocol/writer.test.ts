import { describe, expect, it } from 'vitest';
import { ProtocolError } from './protocol-error.ts';
import { Reader } from './reader.ts';
import { Writer } from './writer.ts';

function body(writer: Writer): Buffer {
  return Buffer.concat(writer.finish(7)).subarray(8);
}

describe('Writer and Reader', () => {
  it('round-trip every wire type, int64 up to 2^53 and negative', () => {
    const w = new Writer(16);
    w.int8(-5)
      .bool(true)
      .int16(-2)
      .int32(2_000_000_000)
      .int64(-1)
      .int64(2 ** 53 - 1)
      .int64(-(2 ** 40) - 3);
    w.string('héllo')
      .nullableString(null)
      .bytes(Buffer.from([1, 2]))
      .nullableBytes(null);
    w.array([3, 4, 5], (ww, v) => ww.int32(v));
    const r = new Reader(body(w));
    expect([r.int8(), r.bool(), r.int16(), r.int32(), r.int64(), r.int64(), r.int64()]).toEqual([
      -5,
      true,
      -2,
      2_000_000_000,
      -1,
      2 ** 53 - 1,
      -(2 ** 40) - 3,
    ]);
    expect([r.string(), r.nullableString(), r.bytes(), r.nullableBytes()]).toEqual([
      'héllo',
      null,
      Buffer.from([1, 2]),
      null,
    ]);
    expect(r.array((rr) => rr.int32())).toEqual([3, 4, 5]);
    expect(r.remaining).toBe(0);
  });

  it('frames the response: size prefix and correlation id', () => {
    const w = new Writer();
    w.int16(1);
    const frame = Buffer.concat(w.finish(0x01020304));
    expect(frame.toString('hex')).toBe('00000006010203040001');
  });

  it('references large payloads instead of copying them, and counts them in the size', () => {
    const big = Buffer.alloc(5000, 7);
    const w = new Writer();
    w.int32(1).bytes(big).int16(9);
    const chunks = w.finish(1);
    expect(chunks).toContain(big);
    const frame = Buffer.concat(chunks);
    expect(frame.readInt32BE(0)).toBe(frame.length - 4);
    expect(frame.length).toBe(8 + 4 + 4 + 5000 + 2);
    expect(frame.readInt16BE(frame.length - 2)).toBe(9);
  });

  it('grows past its initial buffer', () => {
    const w = new Writer(16);
    for (let i = 0; i < 1000; i++) w.string(`item-${i}`);
    const r = new Reader(body(w));
    for (let i = 0; i < 1000; i++) expect(r.string()).toBe(`item-${i}`);
  });

  it('throws ProtocolError instead of reading past the end or trusting absurd counts', () => {
    expect(() => new Reader(Buffer.from([0, 5, 65])).string()).toThrow(ProtocolError);
    expect(() => new Reader(Buffer.from([0, 0, 0, 9, 1])).bytes()).toThrow(ProtocolError);
    expect(() => new Reader(Buffer.from([0x7f, 0xff, 0xff, 0xff])).array((r) => r.int8())).toThrow(
      ProtocolError,
    );
    expect(() => new Reader(Buffer.from([0, 1])).int32()).toThrow(ProtocolError);
    expect(() => new Reader(Buffer.from([0xff, 0xff])).string()).toThrow(ProtocolError);
  });
});
