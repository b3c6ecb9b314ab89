import { describe, expect, it } from 'vitest';
import { FrameReader } from './frame-reader.ts';

function frame(payload: string): Buffer {
  const body = Buffer.from(payload);
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

describe('FrameReader', () => {
  it('returns several frames from one chunk', () => {
    const reader = new FrameReader(1024);
    const frames = reader.push(Buffer.concat([frame('one'), frame(''), frame('three')]));
    expect(frames.map(String)).toEqual(['one', '', 'three']);
  });

  it('reassembles frames split at every byte boundary, including inside the size', () => {
    const stream = Buffer.concat([frame('hello world'), frame('second frame'), frame('x')]);
    for (let cut = 1; cut < stream.length; cut++) {
      const reader = new FrameReader(1024);
      const frames = [...reader.push(stream.subarray(0, cut)), ...reader.push(stream.subarray(cut))];
      expect(frames.map(String)).toEqual(['hello world', 'second frame', 'x']);
    }
  });

  it('reassembles a frame delivered one byte at a time', () => {
    const reader = new FrameReader(1024);
    const stream = frame('byte by byte');
    const frames: Buffer[] = [];
    for (const byte of stream) frames.push(...reader.push(Buffer.from([byte])));
    expect(frames.map(String)).toEqual(['byte by byte']);
  });

  it('refuses a frame larger than the limit or with a negative size', () => {
    expect(() => new FrameReader(10).push(frame('more than ten bytes'))).toThrow(RangeError);
    expect(() => new FrameReader(10).push(Buffer.from([0xff, 0xff, 0xff, 0xff]))).toThrow(RangeError);
  });
});
