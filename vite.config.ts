import { resolve } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

const page = (name: string) => resolve(import.meta.dirname, name);

// The site: the sandbox (index.html), its glossary (glossary.html) and the student explorer (explore.html), static pages that work
// from any path (base './').
export default defineConfig({
  base: './',
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1024,
    // three pages: the sandbox, its glossary and the student explorer
    rolldownOptions: { input: { main: page('index.html'), glossary: page('glossary.html'), explore: page('explore.html') } },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // the nightly-sized property run has its own config (npm run test:nightly)
    exclude: [...configDefaults.exclude, 'tests/nightly/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
