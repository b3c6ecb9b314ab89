/** A read query the store cannot answer as asked (bad cursor, bad id, bad range); maps to HTTP 400. */
export class StoreQueryError extends Error {
  override readonly name = 'StoreQueryError';
  constructor(
    readonly code: 'bad_cursor' | 'bad_id' | 'bad_range' | 'bad_text',
    message: string,
  ) {
    super(message);
  }
}
