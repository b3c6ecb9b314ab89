/**
 * Reads Kafka's big-endian wire types from one request frame. Out-of-range reads throw
 * `ProtocolError`, which the connection answers by closing the socket, as Kafka does for requests it
 * cannot parse. `bytes()` returns a view into the frame (no copy): record batches are handed to the
 * log as they arrived.
 */
import { ProtocolError } from './protocol-error.ts';

const TWO_POW_32 = 4_294_967_296;

export class Reader {
  offset: number;

  constructor(
    readonly buffer: Buffer,
    offset = 0,
  ) {
    this.offset = offset;
  }

  get remaining(): number {
    return this.buffer.length - this.offset;
  }

  int8(): number {
    this.need(1);
    return this.buffer.readInt8(this.offset++);
  }

  bool(): boolean {
    return this.int8() !== 0;
  }

  int16(): number {
    this.need(2);
    const value = this.buffer.readInt16BE(this.offset);
    this.offset += 2;
    return value;
  }

  int32(): number {
    this.need(4);
    const value = this.buffer.readInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  /** An int64 as a JS number: offsets, timestamps and producer ids stay below 2^53. */
  int64(): number {
    this.need(8);
    const high = this.buffer.readInt32BE(this.offset);
    const low = this.buffer.readUInt32BE(this.offset + 4);
    this.offset += 8;
    return high * TWO_POW_32 + low;
  }

  string(): string {
    const value = this.nullableString();
    if (value === null) throw new ProtocolError('null where a string is required');
    return value;
  }

  nullableString(): string | null {
    const length = this.int16();
    if (length < 0) return null;
    this.need(length);
    const value = this.buffer.toString('utf8', this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  bytes(): Buffer {
    return this.nullableBytes() ?? Buffer.alloc(0);
  }

  nullableBytes(): Buffer | null {
    const length = this.int32();
    if (length < 0) return null;
    this.need(length);
    const value = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  array<T>(item: (reader: Reader) => T): T[] {
    return this.nullableArray(item) ?? [];
  }

  nullableArray<T>(item: (reader: Reader) => T): T[] | null {
    const count = this.int32();
    if (count < 0) return null;
    // Every item takes at least one byte, so a count beyond that is corrupt, not a reason to allocate.
    if (count > this.remaining) throw new ProtocolError(`array of ${count} items in ${this.remaining} bytes`);
    const items: T[] = new Array(count);
    for (let i = 0; i < count; i++) items[i] = item(this);
    return items;
  }

  private need(bytes: number): void {
    if (this.offset + bytes > this.buffer.length) {
      throw new ProtocolError(
        `read of ${bytes} bytes at ${this.offset} past the end (${this.buffer.length})`,
      );
    }
  }
}
