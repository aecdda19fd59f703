import { existsSync } from 'node:fs';
import { defineConfig } from 'vite';

// The command line and its Node worker entry, bundled for plain `node` (Node 20 cannot run .ts).
export default defineConfig({
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
      },
      // the training server's libraries stay in node_modules: better-sqlite3 is a native addon, and
      // fastify's plugins load their parts at run time
      external: [/^better-sqlite3$/, /^fastify$/, /^@fastify\//, /^ws$/, /^qrcode$/],
      output: { format: 'es', entryFileNames: '[name].mjs' },
    },
  },
  ssr: { noExternal: true },
});
