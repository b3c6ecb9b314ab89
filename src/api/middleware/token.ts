/** Constant-time token comparison and where a request carries its token. */
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** True when `given` equals `expected` (compared as digests, so timing reveals neither length nor content). */
export function tokenMatches(expected: string, given: string | undefined | null): boolean {
  if (expected === '' || given === undefined || given === null) return false;
  return timingSafeEqual(digest(expected), digest(given));
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([\x21-\x7e]{1,512})$/i.exec(header?.trim() ?? '');
  return match ? (match[1] as string) : null;
}
