/** Parses what a client sends: `subscribe` with a filter, or `ping`; anything else is refused with a reason. */
import { ApiError } from '../api-error.ts';
import { MAX_WS_VIEW, type SensorFilter } from '../contract/sensor-filter.ts';
import { MAX_CLIENT_MESSAGE_BYTES } from '../contract/ws-messages.ts';
import { filterFromJson } from '../sensor-filter-params.ts';

export type ParsedClientMessage =
  | { readonly type: 'subscribe'; readonly filter: SensorFilter }
  | { readonly type: 'ping'; readonly nonce?: string };

/** A valid message, or throws `ApiError` saying what is wrong. */
export function parseClientMessage(text: string): ParsedClientMessage {
  if (text.length > MAX_CLIENT_MESSAGE_BYTES)
    throw new ApiError(413, 'payload_too_large', 'message too large');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'bad_body', 'messages are JSON objects with a type');
  }
  const message = value as { type?: unknown; filter?: unknown; nonce?: unknown } | null;
  if (message?.type === 'subscribe')
    return { type: 'subscribe', filter: filterFromJson(message.filter, MAX_WS_VIEW) };
  if (message?.type === 'ping') {
    const { nonce } = message;
    if (nonce !== undefined && (typeof nonce !== 'string' || nonce.length > 64))
      throw new ApiError(400, 'bad_body', 'nonce must be a string of up to 64 characters');
    return nonce === undefined ? { type: 'ping' } : { type: 'ping', nonce };
  }
  throw new ApiError(400, 'bad_body', 'type must be subscribe or ping');
}
