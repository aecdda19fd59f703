// Secrets and codes. The facilitator's secret and the seat tokens are 128 or more random bits, kept in the
// store only as SHA-256 hashes; a join code is short (six characters, no look-alikes such as 0/O or 1/I)
// and only lets a person ask for a seat, at a rate-limited pace (src/server/http.ts).
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH } from '../session/codes';

export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

export function sessionId(): string {
  return randomToken(16);
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function joinCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}
