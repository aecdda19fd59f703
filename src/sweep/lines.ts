// Reading and writing large text files line by line in O(1) memory, synchronously (the CLI has
// nothing else to do meanwhile, and sync I/O keeps the order of writes obvious).
import { closeSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

const CHUNK = 1 << 20;

/** Reads "\n"-terminated lines one at a time; a trailing partial line is never returned. */
export class LineReader {
  private readonly fd: number;
  private readonly buf = Buffer.alloc(CHUNK);
  // keeps a multi-byte character split across two chunks whole
  private readonly decoder = new StringDecoder('utf8');
  private pos = 0;
  private lines: string[] = [];
  private next = 0;
  private carry = '';
  private eof = false;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'r');
  }

  private fill(): void {
    while (this.next >= this.lines.length && !this.eof) {
      const n = readSync(this.fd, this.buf, 0, CHUNK, this.pos);
      if (n <= 0) {
        this.eof = true;
        break;
      }
      this.pos += n;
      const parts = (this.carry + this.decoder.write(this.buf.subarray(0, n))).split('\n');
      this.carry = parts.pop()!;
      this.lines = parts;
      this.next = 0;
    }
  }

  /** The next line without its "\n", or null at the end. */
  peek(): string | null {
    this.fill();
    return this.next < this.lines.length ? this.lines[this.next] : null;
  }

  read(): string | null {
    const line = this.peek();
    if (line !== null) this.next++;
    return line;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Appends text through a 1 MB buffer. */
export class BufferedWriter {
  private readonly fd: number;
  private pending: string[] = [];
  private size = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
  }
}

/** The run id at the start of a runs.csv or monthly.csv line. */
export function runOfLine(line: string): number {
  const comma = line.indexOf(',');
  return Number(comma < 0 ? line : line.slice(0, comma));
}
