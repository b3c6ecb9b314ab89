/** A request the broker cannot parse; the connection logs it and closes, as Kafka does. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}
