// meerwaarde run <scenario.json> [--seed N] [--months M] [--out DIR] [--trace]
import { parseArgs } from 'node:util';
import { Simulation } from '../engine/simulation';
import { parseScenario } from '../scenario/parse';
import { MAX_SEED } from '../scenario/schema';
import { assertSaneRun, RunCheckError } from '../engine/audit';
import { EXIT_INTERNAL, UsageError } from './errors';
import { checkOutput, readJsonFile, writeFilesAtomically } from './io';
import { intOption } from './options';
import { onInterrupt, yieldToSignals } from './interrupt';

export const RUN_HELP = `Usage: meerwaarde run <scenario.json> [--seed N] [--months M] [--out DIR] [--trace]

Runs one scenario (with its benchmark twin) and writes:
  DIR/monthly.csv   one row per month (columns: docs/outputs.md)
  DIR/summary.json  public value account, 2x2 tables, success dimensions, verdicts, events,
                    seed, scenario hash and model version
  DIR/clients.csv   with --trace: every client transition (month, client, from, to, reason)

Options:
  --seed N     random seed, a whole number from 0 to 2147483647 (default 1)
  --months M   months to simulate, 1-600 (default: the scenario's months, else 96)
  --out DIR    output folder (default: out)
  --trace      also write clients.csv
  -h, --help   this help

The same scenario, seed and months always give the same bytes. Before anything is written, the
output is checked (every number finite, every quantity in its range, every client accounted for);
a run that fails the check writes nothing and exits with 1, naming the month, the quantity and the
scenario setting most likely at fault.`;

export async function runCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      seed: { type: 'string' },
      months: { type: 'string' },
      out: { type: 'string' },
      trace: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${RUN_HELP}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing the scenario file' : `expected one scenario file, got ${positionals.length}`, 'run');
  const file = positionals[0];
  if (values.out !== undefined && values.out.trim() === '') throw new UsageError('--out must name a folder', 'run');
  const seed = intOption('--seed', values.seed, 0, MAX_SEED, 1);
  const months = values.months === undefined ? undefined : intOption('--months', values.months, 1, 600, 96);
  const scenario = parseScenario(readJsonFile(file), file);
  const out = values.out ?? 'out';
  checkOutput(out, ['monthly.csv', 'summary.json', ...(values.trace ? ['clients.csv'] : [])]);
  const sim = new Simulation({ scenario, seed, months, trace: values.trace === true });
  // an event scheduled after the run's end is valid (a longer --months reaches it) but likely a mistake
  (scenario.events ?? []).forEach((e, i) => {
    if (e.month >= sim.months) process.stderr.write(`meerwaarde run: warning: ${file}: $.events[${i}].month: the ${e.type} event at month ${e.month} never happens in a ${sim.months}-month run\n`);
  });
  // a month at a time, so that Ctrl-C or SIGTERM stops the run at once (nothing is written yet)
  const stopWatching = onInterrupt(() => {});
  try {
    while (!sim.done) {
      sim.step();
      if (sim.month % 6 === 0) await yieldToSignals();
    }
  } finally {
    stopWatching();
  }
  return commitRun(sim, file, out, values.trace === true);
}

/**
 * Checks a finished run's output (engine/audit.ts), then writes its files. A wrong answer is never a success:
 * a run that fails the check writes nothing, says what failed where, and returns exit code 1.
 */
export async function commitRun(sim: Simulation, file: string, out: string, trace: boolean): Promise<number> {
  try {
    assertSaneRun(sim);
  } catch (e) {
    if (!(e instanceof RunCheckError)) throw e;
    process.stderr.write(`meerwaarde run: ${file}: ${e.message}; nothing was written to ${out}/\n`);
    return EXIT_INTERNAL;
  }
  const files: Record<string, string | Iterable<string>> = { 'monthly.csv': sim.monthlyCsv(), 'summary.json': sim.summaryJson() };
  if (trace) files['clients.csv'] = sim.clientsCsvChunks();
  await writeFilesAtomically(out, files);
  const s = sim.summary();
  const scenario = sim.scenario;
  const seed = sim.seed;
  const d = s.dimensions;
  process.stdout.write(
    `${scenario.id}, seed ${seed}, ${sim.months} months -> ${out}/\n` +
      `  programmatic ${d.programmatic.label} (${d.programmatic.score.toFixed(2)}), process ${d.process.label} (${d.process.score.toFixed(2)}), ` +
      `political ${d.political.label} (${d.political.score.toFixed(2)}), endurance ${d.endurance.label} (${d.endurance.score.toFixed(2)})\n` +
      `  caseload ${s.caseload.stock} (twin ${s.twin.stock}), job starts ${s.publicValueAccount.achievements.missionAchievement.jobStarts} (twin ${s.twin.jobStarts})\n`,
  );
  return 0;
}
