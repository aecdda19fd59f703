// The command line fuzzed as an outside tester would (issue 12): a document `meerwaarde validate` accepts
// (exit 0) must make `meerwaarde run` exit 0 with sane written files (written-check.ts), or exit 1 naming the
// month, the quantity and the scenario path, with nothing written. A document validate refuses (exit 2) must
// make run refuse it too (exit 2, one clear line, nothing written). Documents: the edge cases of
// edge-scenarios.ts, some with one value pushed outside its range or to an odd type, some with their months
// in the document instead of on the command line.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { edgeCaseArb, TINY, type Budget, type EdgeCase } from './edge-scenarios';
import { writtenProblems } from './written-check';

export const BIN = join(process.cwd(), 'bin', 'meerwaarde.mjs');

/** Runs the command line (node flags first, e.g. a heap limit). */
export function cli(args: string[], nodeFlags: string[] = []): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [...nodeFlags, BIN, ...args], { encoding: 'utf8' });
}

/** A case for the command line: the document, and the months and seed on the command line (or in it). */
export interface CliCase {
  kind: string;
  doc: Record<string, unknown>;
  /** --months (null: the document's own months, or the default 96) */
  months: number | null;
  seed: number;
}

/** What one case did: validate's and run's exit codes, and what was wrong (empty when all is well). */
export interface CliOutcome {
  validate: number | null;
  run: number | null;
  problems: string[];
}

const OUTPUT_CHECK = /^meerwaarde run: .+: the output check failed at month \d+: \S.* is \S+ \(expected .+\); (most likely at fault: \$[.[].*|a fresh run .*|no single scenario setting .*); nothing was written to .+\n$/;
const REFUSAL_LINE = /^(meerwaarde run: )?[^\n]+\.json: \$[^\n]*: [^\n]+$/;

/** Runs one case through validate and run in a fresh folder and judges it; the folder is removed after. */
export function checkCliCase(c: CliCase, root: string): CliOutcome {
  const dir = mkdtempSync(join(root, 'case-'));
  try {
    const file = join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify(c.doc));
    const out = join(dir, 'out');
    const problems: string[] = [];
    const v = cli(['validate', file]);
    const args = ['run', file, '--out', out, '--seed', String(c.seed), ...(c.months === null ? [] : ['--months', String(c.months)])];
    const r = cli(args);
    const written = existsSync(out) ? readdirSync(out) : [];
    const leaked = (s: string) => /\n\s+at .+:\d+:\d+/.test(s);
    if (leaked(v.stderr) || leaked(r.stderr)) problems.push(`a stack trace: ${(v.stderr + r.stderr).slice(0, 400)}`);
    if (v.status === 2) {
      if (r.status !== 2) problems.push(`validate refused it but run exited ${r.status}`);
      if (written.length > 0) problems.push(`run wrote ${written.join(', ')} for a refused document`);
      const lines = v.stderr.trimEnd().split('\n');
      if (!lines.every((l) => REFUSAL_LINE.test(l) || /^\.\.\. and \d+ more/.test(l))) problems.push(`validate's refusal does not name a path on each line: ${v.stderr.slice(0, 400)}`);
    } else if (v.status === 0) {
      if (r.status === 0) {
        const months = c.months ?? (c.doc.months as number | undefined) ?? 96;
        problems.push(...writtenProblems(out, { doc: c.doc, months }));
      } else if (r.status === 1) {
        if (!OUTPUT_CHECK.test(r.stderr)) problems.push(`run exited 1 without the output check's message: ${r.stderr.slice(0, 600)}`);
        if (written.length > 0) problems.push(`run exited 1 and wrote ${written.join(', ')}`);
      } else problems.push(`validate accepted it, run exited ${r.status}: ${r.stderr.slice(0, 600)}`);
    } else problems.push(`validate exited ${v.status}: ${v.stderr.slice(0, 600)}`);
    return { validate: v.status, run: r.status, problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Odd values a tester types where a number belongs. */
const oddValue = fc.constantFrom<unknown>(-1, -5e-324, 5e-324, ...TINY, 1e308, -1e308, 2 ** 53 + 1, 0.5, 1.0000000000000002, '1', null, true, [], {});

/** Every path of a document to a number. */
function numberPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'number') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => numberPaths(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => numberPaths(v, [...path, k]));
  return [];
}

function withValue(doc: Record<string, unknown>, path: (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(doc);
  let node = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

/** Cases for the command line: edge cases as they are, with one number made odd, or with months in the document. */
export function cliCaseArb(budget: Budget): fc.Arbitrary<CliCase> {
  const edge = edgeCaseArb(budget);
  const asIs = edge.map((c: EdgeCase): CliCase => ({ kind: c.kind, doc: c.doc, months: c.months, seed: c.seed }));
  const inDocument = edge.map((c: EdgeCase): CliCase => ({ kind: `${c.kind}, months in the document`, doc: { ...c.doc, months: c.months }, months: null, seed: c.seed }));
  const odd = fc.tuple(edge, fc.nat(), oddValue).map(([c, pick, value]): CliCase => {
    const paths = numberPaths(c.doc);
    const path = paths[pick % paths.length];
    return { kind: `${c.kind}, ${path.join('.')} = ${JSON.stringify(value)}`, doc: withValue(c.doc, path, value), months: c.months, seed: c.seed };
  });
  return fc.oneof({ weight: 3, arbitrary: asIs }, { weight: 1, arbitrary: inDocument }, { weight: 2, arbitrary: odd });
}

/** Runs `n` drawn cases; returns the broken ones (with their scenarios) and counts of what happened. */
export function fuzzCli(n: number, seed: number, budget: Budget): { broken: string[]; validated: number; refused: number; failedCheck: number } {
  const root = mkdtempSync(join(tmpdir(), 'mw-fuzz-'));
  const broken: string[] = [];
  let validated = 0;
  let refused = 0;
  let failedCheck = 0;
  try {
    for (const c of fc.sample(cliCaseArb(budget), { numRuns: n, seed })) {
      const o = checkCliCase(c, root);
      if (o.validate === 0) validated++;
      if (o.validate === 2) refused++;
      if (o.run === 1) failedCheck++;
      if (o.problems.length > 0) broken.push(`${c.kind} (seed ${c.seed}, months ${c.months}): ${o.problems.join('; ')}\nscenario: ${JSON.stringify(c.doc).slice(0, 1500)}`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return { broken, validated, refused, failedCheck };
}
