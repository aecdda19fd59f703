import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { defineConfig } from 'vite';

/** The commit the bundle is built from, and whether tracked files differed from it (nulls outside a git checkout). */
function buildState(): { commit: string | null; dirty: boolean | null } {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    return { commit: git('rev-parse', 'HEAD'), dirty: git('status', '--porcelain', '--untracked-files=no') !== '' };
  } catch {
    return { commit: null, dirty: null };
  }
}

// The command line and its Node worker entry, bundled for plain `node` (Node 20 cannot run .ts).
export default defineConfig({
  // manifest.json provenance (src/sweep/provenance.ts)
  define: { __MEERWAARDE_BUILD__: JSON.stringify(buildState()) },
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist-cli',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      input: {
        cli: 'src/cli/main.ts',
        ...(existsSync('workers/sweep.node-worker.ts') ? { 'sweep-worker': 'workers/sweep.node-worker.ts' } : {}),
        'session-worker': 'workers/session.node-worker.ts',
        'decision-writer': 'workers/decision-writer.node-worker.ts',
      },
      // the training server's libraries stay in node_modules: better-sqlite3 is a native addon, and
      // fastify's plugins load their parts at run time
      external: [/^better-sqlite3$/, /^fastify$/, /^@fastify\//, /^ws$/, /^qrcode$/],
      output: { format: 'es', entryFileNames: '[name].mjs' },
    },
  },
  ssr: { noExternal: true },
});
