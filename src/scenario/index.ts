// The scenario layer: schema, parsing and validation, hashing, editing, the built-in library, and
// resolution into the model's configuration.
export { ScenarioSchema, ScenarioEventSchema, scenarioJsonSchema, settableRange, MAX_SEED, MAX_MONTHS, MAX_EVENTS } from './schema';
export type { Scenario, ScenarioEvent, ManagerSetting, Profile } from './schema';
export * from './parse';
export { BUILTIN_SCENARIOS, builtinScenario } from './builtin';
export { resolveConfig, twinConfig, POLICY_PARAMS } from './resolve';
