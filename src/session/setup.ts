// A training session's set-up, checked in full: the shape (src/session/terms.ts) with an uploaded scenario
// checked by the scenario schema. The server and the model worker use it; the pages use terms.ts.
import type { z } from 'zod';
import { ScenarioSchema, type Scenario } from '../scenario/schema';
import { setupSchema, type SessionSetup } from './terms';

export * from './terms';

export const SessionSetupSchema: z.ZodType<SessionSetup> = setupSchema(ScenarioSchema) as unknown as z.ZodType<SessionSetup>;

/** The scenario a session plays: a built-in one by id (looked up by the caller), or the uploaded one. */
export function sessionScenario(setup: SessionSetup, builtin: (id: string) => Scenario | undefined): Scenario | string {
  if ('custom' in setup.scenario) return setup.scenario.custom;
  return builtin(setup.scenario.builtin) ?? `unknown built-in scenario "${setup.scenario.builtin}"`;
}
