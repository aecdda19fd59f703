// The experiment file: one zod schema is the single source of validation (with errors that name
// the JSON path), of the TypeScript types, and of the published JSON Schema, as for scenarios.
import { z } from 'zod';
import { MAX_SEED } from './seeds';

/** Bounds on the lists of an experiment file: far above real use, and a bound on the work of checking one. */
export const LIMITS = { factors: 1000, levels: 100_000, points: 1_000_000, outputs: 10_000, monthly: 1000 } as const;

/** Column names: safe in CSV and in R and pandas formulas once dots are allowed. */
const columnName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]*$/, 'letters, digits, "_" and "." only, not starting with a digit');
const level = z.union([z.number(), z.string().min(1)]);

export const FactorSchema = z
  .strictObject({
    path: z.string().min(1).describe("Where the value goes in the scenario, e.g. 'params.kappaBase' or 'managers.W.stance.value'"),
    name: columnName.optional().describe('Column name in runs.csv (default: the path)'),
    levels: z.array(level).min(1).max(LIMITS.levels).optional().describe('The values this factor takes; designs sample them with equal probability'),
    range: z.tuple([z.number(), z.number()]).optional().describe('[min, max] of a continuous factor'),
    distribution: z.enum(['uniform', 'loguniform', 'normal', 'triangular']).optional().describe('How values spread over the range (default uniform)'),
    integer: z.boolean().optional().describe('Whole numbers min..max only (uniform)'),
    mean: z.number().optional().describe('normal: the mean (default the middle of the range)'),
    sd: z.number().positive().optional().describe('normal: the standard deviation (default a sixth of the range)'),
    mode: z.number().optional().describe('triangular: the most likely value (default the middle of the range)'),
  })
  .superRefine((f, ctx) => {
    const issue = (message: string, path: string[] = []) => ctx.addIssue({ code: 'custom', path, message });
    if ((f.levels === undefined) === (f.range === undefined)) return issue('give either "levels" or "range"');
    if (f.levels) {
      for (const key of ['distribution', 'integer', 'mean', 'sd', 'mode'] as const) if (f[key] !== undefined) issue(`"${key}" applies to a range, not to levels`, [key]);
      if (new Set(f.levels).size !== f.levels.length) issue('levels must be distinct', ['levels']);
      return;
    }
    const [min, max] = f.range!;
    if (!(min < max)) issue('the range must be [min, max] with min < max', ['range']);
    else if (!Number.isFinite(max - min)) issue(`the range [${min}, ${max}] is too wide to compute with (max - min overflows)`, ['range']);
    const dist = f.distribution ?? 'uniform';
    if (f.integer && (dist !== 'uniform' || !Number.isInteger(min) || !Number.isInteger(max))) {
      issue('an integer factor needs a uniform distribution over a range of whole numbers', ['integer']);
    }
    if (dist === 'loguniform' && !(min > 0)) issue('a loguniform range must be above 0', ['range']);
    if (dist !== 'normal') for (const key of ['mean', 'sd'] as const) if (f[key] !== undefined) issue(`"${key}" applies to a normal distribution`, [key]);
    if (dist !== 'triangular' && f.mode !== undefined) issue('"mode" applies to a triangular distribution', ['mode']);
    if (f.mode !== undefined && (f.mode < min || f.mode > max)) issue('the mode must lie in the range', ['mode']);
  });

const count = z.number().int().min(1);

export const DesignSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('factorial'), steps: z.number().int().min(1).max(1000).optional().describe('Points per continuous factor (default 3)') }),
    z.strictObject({ kind: z.literal('list'), points: z.array(z.record(z.string(), level)).min(1).max(LIMITS.points).describe('One object per parameter set, keyed by factor name') }),
    z.strictObject({ kind: z.literal('montecarlo'), samples: count }),
    z.strictObject({ kind: z.literal('lhs'), samples: count, centered: z.boolean().optional() }),
    z.strictObject({ kind: z.literal('sobol'), samples: count, scramble: z.boolean().optional().describe('Random digital shift (default true)') }),
    z.strictObject({
      kind: z.literal('saltelli'),
      baseSamples: z.number().int().min(2).describe('N: the sweep has N * (k + 2) design points; a power of two is best'),
      scramble: z.boolean().optional(),
    }),
    z.strictObject({
      kind: z.literal('morris'),
      trajectories: z.number().int().min(2).describe('r: the sweep has r * (k + 1) design points'),
      levels: z.number().int().min(2).max(100).multipleOf(2).optional().describe('p, even (default 4)'),
      candidates: z.number().int().min(2).max(5000).optional().describe('Draw this many trajectories and keep the most spread out (Campolongo 2007)'),
    }),
  ])
  .describe('Which points of the factor space to run');

export const ExperimentSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1).optional(),
    description: z.string().optional(),
    scenario: z
      .union([z.string().min(1), z.record(z.string(), z.unknown())])
      .optional()
      .describe('The base scenario: a path relative to this file, or the scenario itself (needed by sweep, not by design)'),
    factors: z.array(FactorSchema).min(1).max(LIMITS.factors),
    design: DesignSchema,
    replicates: z.number().int().min(1).max(1_000_000).optional().describe('Runs per design point, each with its own seed (default 1)'),
    seed: z.number().int().min(0).max(MAX_SEED).describe(`The experiment seed, 0 to ${MAX_SEED}: every run seed and every random choice of the design derive from it`),
    seeds: z
      .enum(['common', 'independent'])
      .optional()
      .describe('common (default): replicate r has the same seed at every design point (common random numbers); independent: every run its own'),
    months: z.number().int().min(1).max(600).optional().describe("Months per run (default the scenario's)"),
    outputs: z.array(z.string().min(1)).min(1).max(LIMITS.outputs).optional().describe('Summary metrics to collect (default all)'),
    monthly: z.array(z.string().min(1)).max(LIMITS.monthly).optional().describe('Monthly series to collect for every run, into monthly.csv'),
  })
  .superRefine((e, ctx) => {
    const names = new Map<string, number>();
    e.factors.forEach((f, i) => {
      const name = f.name ?? f.path;
      if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) {
        ctx.addIssue({ code: 'custom', path: ['factors', i, 'name'], message: `column name "${name}" is not CSV-safe: give a "name"` });
      }
      if (names.has(name)) ctx.addIssue({ code: 'custom', path: ['factors', i, 'name'], message: `factor name "${name}" is used twice` });
      if (RESERVED.has(name)) ctx.addIssue({ code: 'custom', path: ['factors', i, 'name'], message: `"${name}" is a reserved column name` });
      names.set(name, i);
    });
    if (e.outputs && new Set(e.outputs).size !== e.outputs.length) ctx.addIssue({ code: 'custom', path: ['outputs'], message: 'outputs must be distinct' });
    if (e.monthly && new Set(e.monthly).size !== e.monthly.length) ctx.addIssue({ code: 'custom', path: ['monthly'], message: 'monthly series must be distinct' });
  });

/** Column names runs.csv keeps for itself. */
export const RESERVED = new Set(['run', 'point', 'replicate', 'seed', 'month']);

export type ExperimentInput = z.infer<typeof ExperimentSchema>;
export type FactorInput = z.infer<typeof FactorSchema>;
export type DesignInput = z.infer<typeof DesignSchema>;

/** The published JSON Schema of experiment files. */
export function experimentJsonSchema(): object {
  return z.toJSONSchema(ExperimentSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
}
