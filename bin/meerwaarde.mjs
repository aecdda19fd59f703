#!/usr/bin/env node
// The command line. The TypeScript sources are bundled into dist-cli/ by `npm run build:cli`
// (run automatically by `npm install` through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const entry = join(root, 'dist-cli', 'cli.mjs');
if (!existsSync(entry)) {
  process.stderr.write('meerwaarde: the command line is not built yet; run `npm run build:cli` (npm install does it).\n');
  process.exit(1);
}
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv.slice(2));
