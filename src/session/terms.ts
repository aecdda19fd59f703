// The words of a training session that every page needs: roles and seats, a decision, a display name, and
// the shape of a set-up with its scenario left open. Nothing here pulls in the scenario schema or the
// model's parameters, so the pages stay free of model code; src/session/setup.ts adds the scenario check.
import { z } from 'zod';
import type { Scenario } from '../scenario/schema';
import { CORNERS, MANAGER_IDS, type Corner, type ManagerId } from '../model/types';

/** the one seed range of the project (0 to 2^31-1) */
export const SEED_MAX = 2 ** 31 - 1;
export const MAX_TEAMS = 8;
export const MAX_ROUNDS = 24;
export const MAX_MONTHS_PER_ROUND = 24;
export const MAX_ROUND_SECONDS = 3600;
export const NAME_MAX = 40;

/** the initiative cards a participant may play in a round (src/model/managers.ts launch) */
export const CARD_KINDS = ['bold', 'designed', 'reframe'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/**
 * A display name: trimmed, 1 to 40 characters, no control characters. Anything else (angle brackets,
 * quotes, emoji) is allowed: names are written as text everywhere, never as markup.
 */
export const DisplayName = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1, 'a name needs at least one character')
      .max(NAME_MAX, `a name has at most ${NAME_MAX} characters`)
      // eslint-disable-next-line no-control-regex
      .regex(/^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/, 'a name cannot hold control characters or line breaks'),
  );

const unit = z.number().min(0).max(1);
const triple = z.strictObject({ value: unit, capacity: unit, legitimacy: unit });

export const CardSchema = z.strictObject({ kind: z.enum(CARD_KINDS), corner: z.enum(CORNERS) });
export type Card = z.infer<typeof CardSchema>;

/** One manager's decision for a round: attention over the three levers, a stance per corner, maybe a card. */
export const DecisionSchema = z.strictObject({
  attention: triple.refine((a) => a.value + a.capacity + a.legitimacy > 0, { message: 'attention must go somewhere: at least one lever above 0' }),
  stance: triple,
  card: CardSchema.nullable(),
});
export type Decision = z.infer<typeof DecisionSchema>;

/** A session's set-up, with `custom` checking an uploaded scenario (setup.ts passes the scenario schema). */
export function setupSchema<S extends z.ZodType>(custom: S) {
  return z
    .strictObject({
      title: DisplayName.describe('shown on every page of the session'),
      scenario: z.union([z.strictObject({ builtin: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(60) }), z.strictObject({ custom })]),
      seed: z.number().int().min(0).max(SEED_MAX),
      teams: z.array(z.strictObject({ name: DisplayName })).min(1).max(MAX_TEAMS),
      /** the roles people take; the others are played by the model's own decision rule */
      roles: z.array(z.enum(MANAGER_IDS)).max(MANAGER_IDS.length),
      rounds: z.number().int().min(1).max(MAX_ROUNDS),
      monthsPerRound: z.number().int().min(1).max(MAX_MONTHS_PER_ROUND),
      /** 0: no timer */
      roundSeconds: z.number().int().min(0).max(MAX_ROUND_SECONDS),
    })
    .superRefine((s, ctx) => {
      if (new Set(s.roles).size !== s.roles.length) ctx.addIssue({ code: 'custom', path: ['roles'], message: 'each role at most once' });
      if (s.roundSeconds > 0 && s.roundSeconds < 30) ctx.addIssue({ code: 'custom', path: ['roundSeconds'], message: 'a round timer runs at least 30 seconds (or 0 for none)' });
      const names = s.teams.map((t) => t.name.toLocaleLowerCase());
      if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', path: ['teams'], message: 'every team needs its own name' });
    });
}

/** the set-up as a page checks it: everything but an uploaded scenario's content (the server or the worker checks that) */
export const SetupShapeSchema = setupSchema(z.record(z.string(), z.unknown()));

export interface SessionSetup {
  title: string;
  scenario: { builtin: string } | { custom: Scenario };
  seed: number;
  teams: { name: string }[];
  roles: ManagerId[];
  rounds: number;
  monthsPerRound: number;
  roundSeconds: number;
}

export function totalMonths(setup: Pick<SessionSetup, 'rounds' | 'monthsPerRound'>): number {
  return setup.rounds * setup.monthsPerRound;
}

export type Role = ManagerId;
export const ROLES = MANAGER_IDS;
export type { Corner };

/** A seat: one role in one team. */
export interface SeatRef {
  team: number;
  role: Role;
}

export function seatKey(s: SeatRef): string {
  return `${s.team}:${s.role}`;
}
