/**
 * Cuts a TCP byte stream into Kafka frames (int32 size + payload). Chunks are kept in a list and a
 * frame is copied out only when it spans several chunks, once, when it is complete; a frame inside
 * one chunk is a view of it. So a 1 MiB produce costs one copy, not one concat per 64 KiB chunk.
 */
export class FrameReader {
  private readonly chunks: Buffer[] = [];
  private buffered = 0;
  private frameSize = -1;

  constructor(private readonly maxFrameBytes: number) {}

  /** Adds `chunk` and returns the frames it completed (payload without the size prefix). */
  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: Buffer[] = [];
    for (;;) {
      if (this.frameSize < 0) {
        if (this.buffered < 4) break;
        this.frameSize = this.take(4).readInt32BE(0);
        if (this.frameSize < 0 || this.frameSize > this.maxFrameBytes) {
          throw new RangeError(`frame size ${this.frameSize} outside 0..${this.maxFrameBytes}`);
        }
      }
      if (this.buffered < this.frameSize) break;
      frames.push(this.take(this.frameSize));
      this.frameSize = -1;
    }
    return frames;
  }

  private take(bytes: number): Buffer {
    const first = this.chunks[0] as Buffer;
    this.buffered -= bytes;
    if (first.length >= bytes) {
      if (first.length === bytes) this.chunks.shift();
      else this.chunks[0] = first.subarray(bytes);
      return first.subarray(0, bytes);
    }
    const out = Buffer.allocUnsafe(bytes);
    let filled = 0;
    while (filled < bytes) {
      const chunk = this.chunks[0] as Buffer;
      const used = Math.min(chunk.length, bytes - filled);
      chunk.copy(out, filled, 0, used);
      filled += used;
      if (used === chunk.length) this.chunks.shift();
      else this.chunks[0] = chunk.subarray(used);
    }
    return out;
  }
}
