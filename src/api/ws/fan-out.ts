/**
 * How the hub's parts hand one message to many clients: the text is encoded to UTF-8 once, written
 * to every ready client (a client too far behind is dropped instead), and counted once.
 */
import type { ServerMessage } from '../contract/ws-messages.ts';

/**
 * Sends `data` (a serialized message of `type`, or its UTF-8 bytes) to `targets`, or to every client
 * when omitted.
 */
export type FanOut<C> = (data: string | Buffer, type: ServerMessage['type'], targets?: Iterable<C>) => void;
