// From an experiment file as written to the experiment a sweep runs: defaults filled in, factors
// turned into distributions, the base scenario loaded and checked, and one hash that names it.
import type { Distribution, Factor } from './factors';
import type { DesignSpec } from './designs';
import { makeDesign } from './designs';
import { ExperimentSchema, type ExperimentInput, type FactorInput } from './experiment';
import { canonicalJson, InputError, jsonPath, sha256Hex, validateInput, type InputIssue } from '../scenario/parse';

/** The experiment as a sweep runs it: plain JSON, sent to every worker and kept as experiment.json. */
export interface ResolvedExperiment {
  name: string;
  /** the base scenario, validated; null when only a design is wanted */
  scenario: Record<string, unknown> | null;
  factors: Factor[];
  design: DesignSpec;
  replicates: number;
  seed: number;
  seeds: 'common' | 'independent';
  /** months per run; null: the scenario's own */
  months: number | null;
  /** summary metrics collected; null until the sweep fills in "all" from the model */
  outputs: string[] | null;
  monthly: string[];
}

export function toDistribution(f: FactorInput): Distribution {
  if (f.levels) return { kind: 'levels', levels: f.levels };
  const [min, max] = f.range!;
  switch (f.distribution ?? 'uniform') {
    case 'uniform':
      return f.integer ? { kind: 'integer', min, max } : { kind: 'uniform', min, max };
    case 'loguniform':
      return { kind: 'loguniform', min, max };
    case 'normal':
      return { kind: 'normal', mean: f.mean ?? (min + max) / 2, sd: f.sd ?? (max - min) / 6, min, max };
    case 'triangular':
      return { kind: 'triangular', min, mode: f.mode ?? (min + max) / 2, max };
  }
}

/** A factor as an experiment file gives it: the inverse of toDistribution, every default spelt out. */
export function toFactorInput(f: Factor): FactorInput {
  const d = f.distribution;
  const head = { path: f.path, name: f.name };
  switch (d.kind) {
    case 'levels':
      return { ...head, levels: d.levels };
    case 'uniform':
      return { ...head, range: [d.min, d.max], distribution: 'uniform' };
    case 'integer':
      return { ...head, range: [d.min, d.max], distribution: 'uniform', integer: true };
    case 'loguniform':
      return { ...head, range: [d.min, d.max], distribution: 'loguniform' };
    case 'normal':
      return { ...head, range: [d.min, d.max], distribution: 'normal', mean: d.mean, sd: d.sd };
    case 'triangular':
      return { ...head, range: [d.min, d.max], distribution: 'triangular', mode: d.mode };
  }
}

/**
 * The experiment as a file (the form `validate`, `sweep` and `design` read), with the base scenario
 * inline and every default spelt out. Resolving it gives `e` back exactly, so a sweep's
 * experiment.json reruns the sweep anywhere, with the same experiment hash and the same bytes.
 */
export function experimentFile(e: ResolvedExperiment): ExperimentInput {
  return {
    name: e.name,
    ...(e.scenario ? { scenario: e.scenario } : {}),
    factors: e.factors.map(toFactorInput),
    design: e.design as ExperimentInput['design'],
    replicates: e.replicates,
    seed: e.seed,
    seeds: e.seeds,
    ...(e.months !== null ? { months: e.months } : {}),
    ...(e.outputs !== null ? { outputs: e.outputs } : {}),
    monthly: e.monthly,
  };
}

/** Validates parsed JSON as an experiment file; throws InputError naming every problem by JSON path. */
export function parseExperiment(json: unknown, source: string): ExperimentInput {
  return validateInput(ExperimentSchema, json, source);
}

/**
 * Resolves an experiment. `loadScenario` reads a scenario given by path (relative to the
 * experiment file) and validates it; `checkScenario` validates an inline one. Both throw InputError.
 */
export function resolveExperiment(
  input: ExperimentInput,
  source: string,
  scenarios: { load: (path: string) => Record<string, unknown>; check: (json: unknown, source: string) => Record<string, unknown> },
): ResolvedExperiment {
  let scenario: Record<string, unknown> | null = null;
  if (typeof input.scenario === 'string') scenario = scenarios.load(input.scenario);
  else if (input.scenario) scenario = scenarios.check(input.scenario, `${source} $.scenario`);
  const factors: Factor[] = input.factors.map((f) => ({ name: f.name ?? f.path, path: f.path, distribution: toDistribution(f) }));
  const resolved: ResolvedExperiment = {
    name: input.name ?? source.replace(/^.*[\\/]/, '').replace(/\.json$/, ''),
    scenario,
    factors,
    design: input.design as DesignSpec,
    replicates: input.replicates ?? 1,
    seed: input.seed,
    seeds: input.seeds ?? 'common',
    months: input.months ?? null,
    outputs: input.outputs ?? null,
    monthly: input.monthly ?? [],
  };
  // A design that cannot be built (a list point naming no factor, too many Sobol' dimensions) is
  // the user's input error, reported at $.design.
  let points: number;
  try {
    points = makeDesign(resolved.design, factors, resolved.seed).size;
  } catch (e) {
    if (e instanceof RangeError) throw new InputError(source, [{ path: jsonPath(['design']), message: e.message }]);
    throw e;
  }
  if (!Number.isSafeInteger(points * resolved.replicates)) {
    throw new InputError(source, [{ path: jsonPath(['replicates']), message: `${points} design points x ${resolved.replicates} replicates is more runs than can be counted (at most ${Number.MAX_SAFE_INTEGER})` }]);
  }
  return resolved;
}

/** The identity of an experiment: a SHA-256 over its canonical JSON, shared by shards and resumes. */
export function experimentHash(e: ResolvedExperiment): string {
  const { scenario, ...rest } = e;
  const { $schema: _pointer, ...model } = scenario ?? {};
  return sha256Hex(canonicalJson({ ...rest, scenario: scenario ? model : null }));
}

export { InputError, type InputIssue };
