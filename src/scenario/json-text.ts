// JSON text to a value, with a syntax error told by line and column in plain words. The error never
// echoes the file's content (a system file named by mistake, a secret, megabytes on one line).
import { printParseErrorCode, visit } from 'jsonc-parser';
import { InputError } from './issues';

/** The scanner's error names (printParseErrorCode), in plain words. */
const WHAT: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'a number is malformed',
  PropertyNameExpected: 'expected a key in double quotes (a trailing comma, or a key in single quotes?)',
  ValueExpected: 'expected a value (a string, number, object, list, true, false or null)',
  ColonExpected: 'expected ":" after a key',
  CommaExpected: 'expected "," between two items',
  CloseBraceExpected: 'expected "}" to close an object',
  CloseBracketExpected: 'expected "]" to close a list',
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed (a missing ")',
  UnexpectedEndOfNumber: 'a number is incomplete',
  InvalidUnicode: 'a \\u escape needs four hexadecimal digits',
  InvalidEscapeCharacter: 'an unknown escape in a string (allowed: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
  InvalidCharacter: 'a control character (a tab or a line break) inside a string: write it as \\t or \\n',
};

/** Line and column (both from 1) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** Does the text look like binary data rather than text (NUL bytes, bytes that are not UTF-8)? */
function looksBinary(text: string): boolean {
  const head = text.slice(0, 4096);
  let odd = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) return true;
    if (c === 0xfffd) odd++;
  }
  return odd > 8;
}

/** The scanner's first error (it stops there: no tree is built, whatever the file's size). */
function firstError(text: string): { error: string; offset: number } | undefined {
  let found: { error: string; offset: number } | undefined;
  const stop = new Error('stop');
  try {
    visit(
      text,
      {
        onError(error, offset) {
          found = { error: printParseErrorCode(error), offset };
          throw stop;
        },
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
  } catch (e) {
    if (e !== stop) throw e;
  }
  return found;
}

/** Where and what the first syntax error is. V8 gives a position for most errors; the scanner for all. */
function describe(text: string, v8message: string): string {
  if (looksBinary(text)) return 'not a JSON text file (it holds binary data)';
  if (text.trim() === '') return 'the file is empty (a scenario or an experiment is a JSON object)';
  const first = firstError(text);
  const v8 = /at position (\d+)/.exec(v8message);
  const offset = v8 ? Number(v8[1]) : first ? first.offset : text.length;
  let what = first ? (WHAT[first.error] ?? 'not valid JSON here') : 'not valid JSON here';
  if (first && first.error === 'InvalidSymbol') {
    const c = text[first.offset];
    const shown = c >= ' ' && c <= '~' ? `"${c}"` : `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    what = `unexpected character ${shown}${/^[NIu]/.test(c) ? ' (JSON has no NaN, Infinity or undefined)' : c === "'" ? ' (JSON strings take double quotes)' : ''}`;
  }
  if (offset >= text.trimEnd().length) what = `the text ends too early (${first && first.error !== 'ValueExpected' ? what : 'something is not closed'})`;
  const { line, column } = lineAndColumn(text, Math.min(offset, text.length));
  return `not valid JSON: line ${line}, column ${column}: ${what}`;
}

export function parseJsonText(text: string, source: string): unknown {
  // a byte-order mark (as some Windows editors write) is not part of the JSON (RFC 8259 section 8.1)
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (e) {
    throw new InputError(source, [{ path: '$', message: describe(body, (e as Error).message) }]);
  }
}
