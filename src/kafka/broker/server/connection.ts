/**
 * One client connection: frames in, responses out, strictly in request order. Requests are served
 * one at a time from a per-connection queue; a handler that waits (a long-polling Fetch, a parked
 * JoinGroup or SyncGroup) holds up only its own connection, which is what clients expect (Kafka
 * does the same, and librdkafka relies on the order). Closing the socket aborts waiting fetches.
 */
import type { Socket } from 'node:net';
import type { Cluster } from '../cluster.ts';
import { CLOSE_CONNECTION, type DispatchResult, dispatch } from './dispatch.ts';
import { FrameReader } from './frame-reader.ts';

/** Kafka's `socket.request.max.bytes`. */
const MAX_FRAME_BYTES = 104_857_600;
/** Queued request bytes at which reading pauses, and below which it resumes. */
const PAUSE_BYTES = 64 * 1024 * 1024;
const RESUME_BYTES = 16 * 1024 * 1024;

export class Connection {
  private readonly frames = new FrameReader(MAX_FRAME_BYTES);
  private readonly queue: Buffer[] = [];
  private queuedBytes = 0;
  private running = false;
  private readonly aborter = new AbortController();
  private readonly clientHost: string;

  constructor(
    private readonly socket: Socket,
    private readonly cluster: Cluster,
  ) {
    this.clientHost = `/${socket.remoteAddress ?? 'unknown'}`;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error) => cluster.log.debug('connection error', { error: error.message }));
    socket.on('close', () => this.aborter.abort());
  }

  get closed(): boolean {
    return this.aborter.signal.aborted;
  }

  /** Closes at once; waiting handlers are released through the abort signal. */
  destroy(): void {
    this.socket.destroy();
    this.aborter.abort();
  }

  private receive(chunk: Buffer): void {
    let frames: Buffer[];
    try {
      frames = this.frames.push(chunk);
    } catch (error) {
      this.cluster.log.error('bad frame, closing the connection', { error: (error as Error).message });
      this.destroy();
      return;
    }
    for (const frame of frames) {
      this.queue.push(frame);
      this.queuedBytes += frame.length;
    }
    if (this.queuedBytes > PAUSE_BYTES) this.socket.pause();
    if (!this.running && this.queue.length > 0) void this.run();
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0 && !this.closed) {
        const frame = this.queue.shift() as Buffer;
        this.queuedBytes -= frame.length;
        if (this.queuedBytes < RESUME_BYTES && this.socket.isPaused()) this.socket.resume();
        let result = dispatch(this.cluster, frame, {
          clientHost: this.clientHost,
          signal: this.aborter.signal,
        });
        if (result instanceof Promise) result = await result;
        if (!this.write(result)) return;
        if (this.socket.writableNeedDrain) await this.drained();
      }
    } catch (error) {
      this.cluster.log.error('request failed, closing the connection', { error });
      this.destroy();
    } finally {
      this.running = false;
    }
  }

  /** Writes a response; false when the connection is (or must be) closed. */
  private write(result: DispatchResult): boolean {
    if (this.closed) return false;
    if (result === CLOSE_CONNECTION) {
      this.destroy();
      return false;
    }
    if (result === null) return true;
    if (result.length === 1) {
      this.socket.write(result[0] as Buffer);
      return true;
    }
    this.socket.cork();
    for (const chunk of result) this.socket.write(chunk);
    this.socket.uncork();
    return true;
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.socket.off('drain', done);
        this.socket.off('close', done);
        resolve();
      };
      this.socket.on('drain', done);
      this.socket.on('close', done);
    });
  }
}
