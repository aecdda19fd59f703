// Provenance: what a researcher's paper cites to say exactly what produced a sweep. The tool's version
// (package.json) and commit, the model version, the Node version and platform that ran it, and a
// SHA-256 of every output file.
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { availableParallelism, cpus, hostname, release, type } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version as packageVersion } from '../../package.json';

/** The tool's own version (package.json); the model has its own (src/model/version.ts). */
export const TOOL_VERSION: string = packageVersion;

export interface ToolInfo {
  name: 'meerwaarde';
  version: string;
  /** the git commit the code was built from, where known (a git checkout); null otherwise */
  commit: string | null;
  /** whether tracked files differed from that commit (null when the commit is not known) */
  dirty: boolean | null;
}

export interface RuntimeInfo {
  node: string;
  v8: string;
  platform: string;
  arch: string;
  os: string;
  cpu: string;
  cores: number;
  host: string;
}

/** Set by the CLI build (vite.cli.config.ts): the commit the bundle was built from. */
declare const __MEERWAARDE_BUILD__: { commit: string | null; dirty: boolean | null } | undefined;

let tool: ToolInfo | null = null;

/** The tool's version and commit. Bundled: the commit it was built from; from sources: the checkout's, asked of git. */
export function toolInfo(): ToolInfo {
  if (tool) return tool;
  const build = typeof __MEERWAARDE_BUILD__ !== 'undefined' ? __MEERWAARDE_BUILD__ : gitState(dirname(fileURLToPath(import.meta.url)));
  tool = { name: 'meerwaarde', version: TOOL_VERSION, commit: build.commit, dirty: build.dirty };
  return tool;
}

/**
 * The commit and dirtiness of the Meerwaarde checkout that holds `dir`, or nulls: no git, not a
 * checkout, or a checkout of something else (Meerwaarde installed inside another project's repository).
 */
export function gitState(dir: string): { commit: string | null; dirty: boolean | null } {
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
  try {
    const top = git('rev-parse', '--show-toplevel');
    const pkg = join(top, 'package.json');
    if (!existsSync(pkg) || (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name !== 'meerwaarde') return { commit: null, dirty: null };
    return { commit: git('rev-parse', 'HEAD'), dirty: git('status', '--porcelain', '--untracked-files=no') !== '' };
  } catch {
    return { commit: null, dirty: null };
  }
}

export function runtimeInfo(): RuntimeInfo {
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: process.platform,
    arch: process.arch,
    os: `${type()} ${release()}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    host: hostname(),
  };
}

/** SHA-256 of a file, read in chunks (output files can be gigabytes). */
export function fileSha256(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    for (let n = readSync(fd, buf, 0, buf.length, null); n > 0; n = readSync(fd, buf, 0, buf.length, null)) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** SHA-256 of each of a folder's files that exist, by name. */
export function checksums(dir: string, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) if (existsSync(join(dir, name))) out[name] = fileSha256(join(dir, name));
  return out;
}
