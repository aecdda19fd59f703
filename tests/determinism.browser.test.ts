// Same inputs, same bytes in every host: the model runs in Node (here) and in Debian's Chromium (a
// different V8), and summary.json + monthly.csv must hash identically. This is what detmath is for.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, requireChromium } from './browser/harness';
import { serveStatic } from './browser/static-server.mjs';
import { runHashes } from './determinism/entry';

let outDir = '';
let server: { url: string; close: () => Promise<void> } | null = null;

beforeAll(async () => {
  requireChromium();
  outDir = mkdtempSync(join(tmpdir(), 'mw-determinism-'));
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, minify: false, lib: { entry: join(ROOT, 'tests/determinism/entry.ts'), formats: ['es'], fileName: 'entry' } },
  });
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><html lang="en"><head><link rel="icon" href="data:,"><title>determinism</title></head><body></body></html>');
  server = await serveStatic(outDir, '/');
});

afterAll(async () => {
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('cross-host determinism', () => {
  it('Node and Chromium produce byte-identical outputs for the same scenario and seed', async () => {
    const node = runHashes();
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(server!.url);
      // a string, so that vitest's module transform does not rewrite the dynamic import
      const inBrowser = (await page.evaluate(
        `import(${JSON.stringify(`${server!.url}entry.js`)}).then((mod) => ({ hashes: mod.runHashes(), agent: navigator.userAgent }))`,
      )) as { hashes: string[]; agent: string };
      expect(inBrowser.agent).toMatch(/Chrome\//);
      expect(inBrowser.hashes).toEqual(node);
      expect(new Set(node).size).toBe(node.length);
    } finally {
      await browser.close();
    }
  });
});
