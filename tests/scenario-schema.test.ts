// The scenario schema: one source for validation, types and the published JSON Schema.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError, parseScenario, scenarioHash, setScenarioValue, withEvents } from '../src/scenario/parse';
import { scenarioJsonSchema } from '../src/scenario/schema';

const text = { nl: 'a', en: 'b' };
const base = { id: 'x', title: text, description: text, notice: text };

function issues(json: unknown) {
  try {
    parseScenario(json, 'bad.json');
  } catch (e) {
    if (e instanceof InputError) return e.issues;
    throw e;
  }
  throw new Error('accepted');
}

describe('scenario validation', () => {
  it('names the path and what is allowed for each problem, all at once', () => {
    const found = issues({
      ...base,
      colour: 'red',
      params: { kappaBase: 2, nope: 1, N0: 10.5 },
      managers: { W: { stance: { value: 'high' } }, Q: {} },
      events: [{ month: 3, type: 'recesion' }, { month: 2, type: 'set', path: 'params.kappaBase', value: 3 }, { month: 1, type: 'set', path: 'managers.Z.courage', value: 0.5 }],
    });
    const text = found.map((i) => `${i.path}: ${i.message}`);
    expect(text.some((t) => t.startsWith('$.colour: unknown key "colour" (allowed: $schema, id, title'))).toBe(true);
    expect(text).toContain('$.params.kappaBase: too large: must be <= 1');
    expect(text.some((t) => t.startsWith('$.params.nope: unknown key "nope"'))).toBe(true);
    expect(text.some((t) => t.startsWith('$.params.N0: must be a whole number'))).toBe(true);
    expect(text).toContain('$.managers.W.stance.value: must be a number');
    expect(text).toContain('$.managers.Q: unknown key "Q" (allowed: W, D, H, P)');
    expect(text.some((t) => t.startsWith('$.events[0].type: "recesion": did you mean "recession"? (must be one of'))).toBe(true);
    expect(text).toContain('$.events[1].value: must be between 0 and 1 for params.kappaBase');
    expect(text.some((t) => t.startsWith('$.events[2].path: unknown manager "Z"'))).toBe(true);
  });

  it('reports missing required fields and bad JSON text', () => {
    expect(issues({ id: 'x' }).map((i) => i.path)).toEqual(expect.arrayContaining(['$.title', '$.description', '$.notice']));
    expect(issues([]).map((i) => i.message)).toEqual(['must be an object']);
  });

  it('publishes the JSON Schema that docs/schema/scenario.schema.json holds', () => {
    const published = JSON.parse(readFileSync('docs/schema/scenario.schema.json', 'utf8'));
    expect(published).toEqual(scenarioJsonSchema());
    expect(JSON.stringify(published)).toContain('kappaBase');
    expect(published.additionalProperties).toBe(false);
  });

  it('hashes the content, not the key order or the $schema pointer', () => {
    const a = parseScenario({ ...base, params: { kappaBase: 0.4, strictness: 0.2 } });
    const b = parseScenario({ $schema: 'x', notice: text, description: text, title: text, id: 'x', params: { strictness: 0.2, kappaBase: 0.4 } });
    expect(scenarioHash(a)).toBe(scenarioHash(b));
    expect(scenarioHash(setScenarioValue(a, 'params.kappaBase', 0.5))).not.toBe(scenarioHash(a));
  });

  it('edits by path with validation, and orders added events by month', () => {
    const a = parseScenario(base);
    expect(setScenarioValue(a, 'managers.W.stance.value', 0.2).managers?.W?.stance?.value).toBe(0.2);
    expect(() => setScenarioValue(a, 'params.kappaBase', 7)).toThrow(InputError);
    expect(() => setScenarioValue(a, 'params.__proto__.x', 1)).toThrow(InputError);
    const withE = withEvents(parseScenario({ ...base, events: [{ month: 5, type: 'boom' }] }), [{ month: 2, type: 'recession' }, { month: 5, type: 'mediaScandal' }]);
    expect(withE.events?.map((e) => `${e.month}:${e.type}`)).toEqual(['2:recession', '5:boom', '5:mediaScandal']);
  });
});
