// From a scenario overlay to the model's configuration: defaults, then the overlay.
// The benchmark twin gets the same environment with a neutral policy: the policy parameters below go
// back to their defaults and every manager holds a neutral stance (see src/model/world.ts).
import type { AudienceConfig, ManagerConfig, ModelConfig, ModelEvent } from '../model/config';
import { defaultParams, PARAM_SPECS, type ParamName, type Params } from '../model/params';
import { AUDIENCE_IDS, MANAGER_IDS, type AudienceId, type ManagerId } from '../model/types';
import { mixProfiles, VALUE_PROFILES, type ProfileName } from '../model/values';
import { ROLE_PRIOR } from '../model/world';
import type { Profile, Scenario } from './schema';

/** Default value profiles: the coalition (W), pragmatic partnership (D), a work-first/inclusive mix (H), employers (P). */
export const DEFAULT_MANAGER_PROFILES: Record<ManagerId, Profile> = {
  W: { workFirst: 0.5, inclusive: 0.5 },
  D: 'partnership',
  H: { workFirst: 0.6, inclusive: 0.4 },
  P: 'employers',
};
export const DEFAULT_AUDIENCES: Record<AudienceId, { profile: Profile; power: number }> = {
  council: { profile: { workFirst: 0.5, inclusive: 0.5 }, power: 0.4 },
  public: { profile: 'publicMedia', power: 0.3 },
  clients: { profile: 'clientsCouncil', power: 0.15 },
  employers: { profile: 'employers', power: 0.15 },
};

/** Parameters that are policy, not environment: the twin keeps their defaults. */
export const POLICY_PARAMS: ParamName[] = ['kappaBase', 'perfContract', 'strictness', 'youthPrio', 'svcExtraTier23', 'beschutPlaces'];

export function profileWeights(profile: Profile): number[] {
  if (typeof profile === 'string') return [...VALUE_PROFILES[profile]];
  return mixProfiles(profile as Partial<Record<ProfileName, number>>);
}

export function resolveParams(scenario: Scenario): Params {
  const params = defaultParams();
  for (const [name, value] of Object.entries(scenario.params ?? {})) {
    if (value !== undefined) params[name as ParamName] = value;
  }
  return params;
}

export function resolveConfig(scenario: Scenario): ModelConfig {
  const params = resolveParams(scenario);
  const managers = {} as Record<ManagerId, ManagerConfig>;
  for (const id of MANAGER_IDS) {
    const m = scenario.managers?.[id] ?? {};
    managers[id] = {
      weights: profileWeights(m.profile ?? DEFAULT_MANAGER_PROFILES[id]),
      stance: { value: 0.5, capacity: 0.5, legitimacy: 0.5, ...stripUndefined(m.stance) },
      attention: { ...ROLE_PRIOR[id], ...stripUndefined(m.attention) },
      courage: m.courage,
      design: m.design,
      reframe: m.reframe,
      control: m.control ?? 'auto',
    };
  }
  const audiences = {} as Record<AudienceId, AudienceConfig>;
  for (const id of AUDIENCE_IDS) {
    const a = scenario.audiences?.[id] ?? {};
    audiences[id] = { weights: profileWeights(a.profile ?? DEFAULT_AUDIENCES[id].profile), power: a.power ?? DEFAULT_AUDIENCES[id].power };
  }
  return { params, managers, audiences, events: (scenario.events ?? []) as ModelEvent[] };
}

/**
 * The twin: the default municipality (the baseline's managers, audiences and policy parameters) in the
 * scenario's environment (every other parameter, and the scenario's events, of which the twin takes only luck).
 */
export function twinConfig(config: ModelConfig): ModelConfig {
  const params = { ...config.params };
  for (const name of POLICY_PARAMS) params[name] = PARAM_SPECS[name].default;
  const defaults = resolveConfig({ id: 'twin', title: { nl: '', en: '' } } as Scenario);
  return { params, managers: defaults.managers, audiences: defaults.audiences, events: config.events };
}

function stripUndefined<T extends object>(o: T | undefined): Partial<T> {
  const out: Partial<T> = {};
  if (!o) return out;
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
