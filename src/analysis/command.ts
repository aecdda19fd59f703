// meerwaarde analyze DIR --method M: sensitivity analysis, scenario discovery, luck versus
// strategy and equifinality on a sweep's results.
import { CommandError, EXIT_OK, intOption, numberOption, parseCommandArgs, runCommandBody } from '../sweep/commandSupport';
import { loadSweepData } from './data';
import { METHODS, type AnalysisOptions, type MethodName } from './methods';
import type { BoxChoice } from './prim';
import { InsufficientDataError } from './stats';
import { InputError } from '../scenario/parse';
import { MAX_SEED } from '../scenario/schema';

export const ANALYZE_HELP = `Usage: meerwaarde analyze DIR --method M [--output NAME] [--json] [options]

Methods:
  sobol         first- and total-order Sobol' indices with bootstrap confidence intervals
                (needs a saltelli design)
  morris        Morris mu*, mu and sigma (needs a morris design)
  prim          scenario discovery: the box of factor values where --success holds
  luck          luck versus strategy: variance over design points and replicates
                (two-way with common random numbers); with --twin NAME, against the twin
  equifinality  the distinct configurations in the top fifth, and how far apart they are

Options:
  --output NAME       the output to analyse (repeatable; default every output for sobol and
                      morris, and required for luck and equifinality when there are several)
  --json              print JSON instead of tables
  --resamples N       bootstrap resamples (default 1000); --level X confidence (default 0.95)
  --seed N            bootstrap seed, 0 to 2147483647 (default 0)
  --success "NAME>=X" prim: the success criterion (>=, >, <=, <, ==)
  --alpha X           prim: peeling share (default 0.05); --min-support X (default 0.05)
  --paste             prim: paste the chosen box
  --choose RULE       prim: balance (default), density:MINCOVERAGE or coverage:MINDENSITY
  --twin NAME         luck: the twin's output to compare with
  --top X             equifinality: top share (default 0.2); --radius X (default 0.25)
  --lower-is-better   equifinality, luck: a lower output is better (e.g. caseload.stock)`;

function parseChoice(raw: string | undefined): BoxChoice {
  if (raw === undefined || raw === 'balance') return { by: 'balance' };
  const m = /^(density|coverage):([0-9.]+)$/.exec(raw);
  if (!m) throw new CommandError(`--choose must be balance, density:MINCOVERAGE or coverage:MINDENSITY, got "${raw}"`);
  const x = numberOption('--choose', m[2], 0, 1, 0);
  return m[1] === 'density' ? { by: 'density', minCoverage: x } : { by: 'coverage', minDensity: x };
}

function parseSuccess(raw: string | undefined): AnalysisOptions['success'] {
  if (raw === undefined) return undefined;
  const m = /^\s*([A-Za-z_][\w.]*)\s*(>=|<=|==|>|<)\s*(-?[0-9.eE+-]+)\s*$/.exec(raw);
  if (!m || !Number.isFinite(Number(m[3]))) throw new CommandError(`--success must look like "composite>=0.6", got "${raw}"`);
  return { output: m[1], op: m[2], value: Number(m[3]) };
}

export function analyzeCommand(argv: string[]): Promise<number> {
  return runCommandBody('analyze', ANALYZE_HELP, () => {
    const { values, positionals } = parseCommandArgs(argv, {
      method: { type: 'string' },
      output: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      resamples: { type: 'string' },
      level: { type: 'string' },
      seed: { type: 'string' },
      success: { type: 'string' },
      alpha: { type: 'string' },
      'min-support': { type: 'string' },
      paste: { type: 'boolean' },
      choose: { type: 'string' },
      twin: { type: 'string' },
      top: { type: 'string' },
      radius: { type: 'string' },
      'lower-is-better': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      process.stdout.write(`${ANALYZE_HELP}\n`);
      return EXIT_OK;
    }
    if (positionals.length !== 1) throw new CommandError(positionals.length === 0 ? 'missing the sweep directory' : `expected one sweep directory, got ${positionals.length}`);
    const method = values.method as MethodName | undefined;
    if (!method || !(method in METHODS)) throw new CommandError(`--method must be one of ${Object.keys(METHODS).join(', ')}${method ? `, got "${method}"` : ''}`);
    const data = loadSweepData(positionals[0]);
    const success = parseSuccess(values.success);
    let outputs = values.output ?? (method === 'prim' && success ? [success.output] : data.outputs);
    for (const o of [...outputs, ...(values.twin ? [values.twin] : [])]) {
      if (!data.outputs.includes(o)) throw new CommandError(`no output "${o}" in ${positionals[0]} (outputs: ${data.outputs.join(', ')})`);
    }
    if ((method === 'luck' || method === 'equifinality') && outputs.length !== 1) {
      if (values.output) throw new CommandError(`${method} analyses one output at a time`);
      if (data.outputs.length > 1) throw new CommandError(`${method} analyses one output: name it with --output (outputs: ${data.outputs.join(', ')})`);
      outputs = data.outputs.slice(0, 1);
    }
    const options: AnalysisOptions = {
      outputs,
      resamples: intOption('--resamples', values.resamples, 10, 1_000_000, 1000),
      level: numberOption('--level', values.level, 0.5, 0.999, 0.95),
      seed: intOption('--seed', values.seed, 0, MAX_SEED, 0),
      success,
      alpha: numberOption('--alpha', values.alpha, 0.001, 0.49, 0.05),
      minSupport: numberOption('--min-support', values['min-support'], 0.001, 0.99, 0.05),
      paste: values.paste === true,
      choose: parseChoice(values.choose),
      twin: values.twin,
      top: numberOption('--top', values.top, 0.001, 1, 0.2),
      radius: numberOption('--radius', values.radius, 0, 1, 0.25),
      better: values['lower-is-better'] ? 'lower' : 'higher',
    };
    let result;
    try {
      result = METHODS[method](data, options);
    } catch (e) {
      if (e instanceof InsufficientDataError) throw new InputError(positionals[0], [{ path: '$', message: `${method}: ${e.message}` }]);
      throw e;
    }
    process.stdout.write(values.json ? `${JSON.stringify(result.json, jsonNumbers, 2)}\n` : result.text);
    return EXIT_OK;
  });
}

/** NaN and infinities become null in JSON (JSON has no such numbers). */
function jsonNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}
