/** The part of a WebSocket the hub uses, so the hub is independent of the server library. */
import type { WebSocket } from 'ws';

export interface HubSocket {
  send(data: string): void;
  /** Bytes queued and not yet handed to the kernel. */
  readonly bufferedAmount: number;
  close(code: number, reason: string): void;
  /** Destroys the connection at once (a close frame could not get past a full buffer). */
  terminate(): void;
  ping(): void;
}

/** Adapts a `ws` socket. */
export function hubSocketOf(raw: WebSocket): HubSocket {
  return {
    send: (data) => raw.send(data),
    get bufferedAmount() {
      return raw.bufferedAmount;
    },
    close: (code, reason) => raw.close(code, reason),
    terminate: () => raw.terminate(),
    ping: () => raw.ping(),
  };
}
