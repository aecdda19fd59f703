// The training session's wire protocol: every message a page sends (WebSocket) and every request body
// (HTTP), one zod schema each, strict (an unknown key is refused), and what the server answers. A message
// that fails is answered with an error naming what is wrong and where, and changes nothing.
import { z } from 'zod';
import { formatIssues } from '../scenario/parse';
import { FacilitatorActionSchema } from './rules';
import { CODE_LENGTH, normaliseCode } from './codes';
import { DecisionSchema, DisplayName, ROLES, SessionSetupSchema } from './setup';

/** a WebSocket message larger than this is refused unread (the socket itself closes beyond 64 KiB) */
export const MESSAGE_BYTES_MAX = 8 * 1024;
export const SOCKET_BYTES_MAX = 64 * 1024;

const Id = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'not a session id');
const Secret = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, 'not a key');
const MsgId = z.number().int().min(0).max(2 ** 31);
const Code = z.string().max(20).transform((s, ctx) => normaliseCode(s) ?? (ctx.addIssue({ code: 'custom', message: `a join code has ${CODE_LENGTH} letters and digits` }), z.NEVER));

/** a decision or a "what if": one seat's decision in one round replaced (null: the model decides) */
export const WhatIfSchema = z.strictObject({
  team: z.number().int().min(0),
  round: z.number().int().min(1),
  role: z.enum(ROLES),
  decision: DecisionSchema.nullable(),
});
export type WhatIf = z.infer<typeof WhatIfSchema>;

export const ClientMessageSchema = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('hello'), as: z.enum(['facilitator', 'projector', 'participant']), session: Id, secret: Secret.optional(), token: Secret.optional() }),
  z.strictObject({ t: z.literal('decide'), id: MsgId, round: z.number().int().min(1), decision: DecisionSchema }),
  z.strictObject({ t: z.literal('act'), id: MsgId, action: FacilitatorActionSchema }),
  z.strictObject({ t: z.literal('whatIf'), id: MsgId, change: WhatIfSchema }),
  z.strictObject({ t: z.literal('replay'), id: MsgId, team: z.number().int().min(0).max(99) }),
  z.strictObject({ t: z.literal('ping'), id: MsgId }),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

// HTTP bodies
export const CreateSessionSchema = z.strictObject({ setup: SessionSetupSchema });
export const JoinSchema = z.strictObject({ code: Code });
export const SeatSchema = z.strictObject({ code: Code, team: z.number().int().min(0), role: z.enum(ROLES), name: DisplayName });
/** save a session as a preset: its name, and the preset key to file it under (none: the server makes one) */
export const PresetSaveSchema = z.strictObject({ name: DisplayName, owner: Secret.optional() });

/** an error as the pages show it: a code they can translate, and a sentence naming what and where */
export interface ProtocolError {
  code: string;
  message: string;
}

/** The first issue of a failed parse as one sentence with its JSON path. */
export function describeIssues(error: z.ZodError, what: string): ProtocolError {
  const issues = formatIssues(error.issues as Parameters<typeof formatIssues>[0]);
  const text = issues
    .slice(0, 3)
    .map((i) => `${i.path}: ${i.message}`)
    .join('; ');
  return { code: 'invalid', message: `${what}: ${text}${issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''}` };
}

/** Parse one WebSocket message: size, JSON, then the schema. */
export function parseClientMessage(raw: string): { ok: true; msg: ClientMessage } | { ok: false; error: ProtocolError; id: number | null } {
  if (raw.length > MESSAGE_BYTES_MAX) return { ok: false, id: null, error: { code: 'too-large', message: `message too large: ${raw.length} bytes (at most ${MESSAGE_BYTES_MAX})` } };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, id: null, error: { code: 'invalid', message: 'message is not JSON' } };
  }
  const id = json && typeof json === 'object' && Number.isInteger((json as { id?: unknown }).id) ? ((json as { id: number }).id) : null;
  const parsed = ClientMessageSchema.safeParse(json);
  if (!parsed.success) return { ok: false, id, error: describeIssues(parsed.error, 'message refused') };
  return { ok: true, msg: parsed.data };
}
