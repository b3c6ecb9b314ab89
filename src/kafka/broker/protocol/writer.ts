/**
 * Builds one response frame as a list of buffers. Small fields go into a scratch buffer; large
 * payloads (stored record batches) are appended by reference, so a Fetch response never copies the
 * batches it returns. The first 8 bytes are reserved for the frame size and correlation id, which
 * `finish` fills in.
 */
const INITIAL_SIZE = 512;
/** Payloads at least this long are referenced instead of copied. */
const REFERENCE_THRESHOLD = 1024;
const TWO_POW_32 = 4_294_967_296;

export class Writer {
  private readonly chunks: Buffer[] = [];
  private scratch: Buffer;
  private position = 8;
  private flushed = 0;
  private nextSize: number;

  constructor(initialSize = INITIAL_SIZE) {
    this.nextSize = Math.max(initialSize, 16);
    this.scratch = Buffer.allocUnsafe(this.nextSize);
  }

  /** Bytes written so far, including the reserved 8-byte header. */
  get length(): number {
    return this.flushed + this.position;
  }

  int8(value: number): this {
    this.ensure(1);
    this.scratch.writeInt8(value, this.position);
    this.position += 1;
    return this;
  }

  bool(value: boolean): this {
    return this.int8(value ? 1 : 0);
  }

  int16(value: number): this {
    this.ensure(2);
    this.scratch.writeInt16BE(value, this.position);
    this.position += 2;
    return this;
  }

  int32(value: number): this {
    this.ensure(4);
    this.scratch.writeInt32BE(value, this.position);
    this.position += 4;
    return this;
  }

  /** An int64 from a JS number (offsets, timestamps and producer ids stay below 2^53). */
  int64(value: number): this {
    this.ensure(8);
    const high = Math.floor(value / TWO_POW_32);
    this.scratch.writeInt32BE(high, this.position);
    this.scratch.writeUInt32BE(value - high * TWO_POW_32, this.position + 4);
    this.position += 8;
    return this;
  }

  string(value: string): this {
    return this.nullableString(value);
  }

  nullableString(value: string | null): this {
    if (value === null) return this.int16(-1);
    const length = Buffer.byteLength(value);
    this.int16(length);
    this.ensure(length);
    this.position += this.scratch.write(value, this.position, 'utf8');
    return this;
  }

  bytes(value: Buffer): this {
    this.int32(value.length);
    return this.raw(value);
  }

  nullableBytes(value: Buffer | null): this {
    return value === null ? this.int32(-1) : this.bytes(value);
  }

  array<T>(items: readonly T[], item: (writer: this, value: T) => void): this {
    this.int32(items.length);
    for (const value of items) item(this, value);
    return this;
  }

  /** Appends bytes as they are; large ones by reference (the caller must not change them later). */
  raw(value: Buffer): this {
    if (value.length >= REFERENCE_THRESHOLD) {
      this.flush();
      this.chunks.push(value);
      this.flushed += value.length;
      return this;
    }
    this.ensure(value.length);
    value.copy(this.scratch, this.position);
    this.position += value.length;
    return this;
  }

  /** The finished frame: size prefix, correlation id, then everything written. */
  finish(correlationId: number): Buffer[] {
    const first = this.chunks[0] ?? this.scratch;
    first.writeInt32BE(this.length - 4, 0);
    first.writeInt32BE(correlationId, 4);
    this.flush();
    return this.chunks;
  }

  private ensure(bytes: number): void {
    if (this.position + bytes <= this.scratch.length) return;
    this.flush();
    this.nextSize *= 2;
    this.scratch = Buffer.allocUnsafe(Math.max(bytes, this.nextSize));
  }

  private flush(): void {
    if (this.position === 0) return;
    this.chunks.push(this.scratch.subarray(0, this.position));
    this.flushed += this.position;
    this.scratch = this.scratch.subarray(this.position);
    this.position = 0;
  }
}
