import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// The sandbox: a static site that works from any path (base './').
export default defineConfig({
  base: './',
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1024,
    // two pages: the sandbox and its glossary
    rolldownOptions: { input: { main: resolve(import.meta.dirname, 'index.html'), glossary: resolve(import.meta.dirname, 'glossary.html') } },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
