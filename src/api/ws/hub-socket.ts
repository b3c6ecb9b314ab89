/** The part of a WebSocket the hub uses, so the hub is independent of the server library. */
import type { WebSocket } from 'ws';

export interface HubSocket {
  /** Sends a text message; a Buffer must hold UTF-8 text (encoded once, shared by many clients). */
  send(data: string | Buffer): void;
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
    send: (data) => raw.send(data, { binary: false }),
    get bufferedAmount() {
      return raw.bufferedAmount;
    },
    close: (code, reason) => raw.close(code, reason),
    terminate: () => raw.terminate(),
    ping: () => raw.ping(),
  };
}
