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
      },
      output: { format: 'es', entryFileNames: '[name].mjs' },
    },
  },
  ssr: { noExternal: true },
});
