// Join codes, on the page and on the server: six characters from 31 that cannot be mistaken for each
// other when read off a projector (no 0/O, 1/I/L).
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 6;

/** What a person typed (lower case, spaces, a dash) as a join code, or null if it cannot be one. */
export function normaliseCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== CODE_LENGTH) return null;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return null;
  return code;
}
