// The session rules as a pure fold: phases, the round timer, luck cards, and the controls the model gets.
import { describe, expect, it } from 'vitest';
import { applyAction, checkDecision, initialState, pendingRound, replayLog, resultsRound, RuleError, teamControls, timeLeft, type LoggedAction, type SessionState } from '../../src/session/rules';
import { SessionSetupSchema, type Decision } from '../../src/session/setup';
import { parseClientMessage } from '../../src/session/protocol';

const setup = SessionSetupSchema.parse({
  title: 'T',
  scenario: { builtin: 'baseline' },
  seed: 1,
  teams: [{ name: 'A' }, { name: 'B' }],
  roles: ['W', 'H'],
  rounds: 2,
  monthsPerRound: 6,
  roundSeconds: 60,
});
const act = (s: SessionState, action: LoggedAction['action'], at = 0) => applyAction(s, { action, at, by: 'facilitator' });
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as RuleError).code;
  }
  return null;
};

describe('session rules', () => {
  it('walks lobby -> open -> closed -> results, round by round, and refuses what does not fit the phase', () => {
    let s = initialState(setup);
    expect(code(() => act(s, { type: 'advance' }))).toBe('phase');
    s = act(s, { type: 'open' }, 1000);
    expect([s.phase, s.round, s.deadline]).toEqual(['open', 1, 61_000]);
    expect(code(() => act(s, { type: 'advance' }))).toBe('phase');
    s = act(act(s, { type: 'close' }), { type: 'advance' });
    expect([s.phase, resultsRound(s), pendingRound(s)]).toEqual(['results', 1, 2]);
    s = act(act(act(act(s, { type: 'open' }), { type: 'close' }), { type: 'advance' }), { type: 'reveal', step: 3 });
    expect([s.phase, s.round, s.revealStep]).toEqual(['results', 2, 3]);
    expect(code(() => act(s, { type: 'open' }))).toBe('last-round');
    s = act(s, { type: 'end' });
    expect(code(() => act(s, { type: 'message', text: 'hi' }))).toBe('ended');
  });

  it('pauses, resumes and extends the round timer; the time left follows', () => {
    let s = act(initialState(setup), { type: 'open' }, 0);
    expect(timeLeft(s, 20_000)).toBe(40_000);
    s = act(s, { type: 'pause' }, 20_000);
    expect(timeLeft(s, 50_000)).toBe(40_000);
    s = act(s, { type: 'extend', seconds: 30 }, 50_000);
    s = act(s, { type: 'resume' }, 100_000);
    expect(s.deadline).toBe(170_000);
    expect(code(() => act(s, { type: 'resume' }))).toBe('timer');
    s = act(s, { type: 'close' }, 120_000);
    expect([s.deadline, timeLeft(s, 0)]).toEqual([null, null]);
  });

  it('turns decisions and luck cards into each team\'s controls at the round\'s first month', () => {
    let s = act(initialState(setup), { type: 'luck', card: 'recession', team: null });
    s = act(s, { type: 'open' });
    const decision: Decision = { attention: { value: 1, capacity: 0, legitimacy: 0 }, stance: { value: 0.2, capacity: 0.4, legitimacy: 0.6 }, card: { kind: 'bold', corner: 'value' } };
    const decisions = new Map([['1:1:H', { team: 1, role: 'H' as const, round: 1, decision, at: 0 }]]);
    s = act(act(act(s, { type: 'close' }), { type: 'advance' }), { type: 'luck', card: 'boom', team: 0 });
    const a = teamControls(s, decisions, 0, 2);
    const b = teamControls(s, decisions, 1, 2);
    expect(a).toEqual([[{ month: 0, type: 'recession' }], [{ month: 6, type: 'boom' }]]);
    expect(b[0]).toHaveLength(8);
    expect(b[0][0]).toEqual({ month: 0, type: 'set', path: 'managers.H.attention.value', value: 1 });
    expect(b[0][6]).toEqual({ month: 0, type: 'initiative', manager: 'H', kind: 'bold', corner: 'value' });
    expect(b[1]).toEqual([]);
  });

  it('lets only a seated role decide, only in the open round', () => {
    const s = act(initialState(setup), { type: 'open' });
    expect(code(() => checkDecision(s, 'D', 1))).toBe('role');
    expect(code(() => checkDecision(s, 'W', 2))).toBe('round');
    expect(code(() => checkDecision(act(s, { type: 'close' }), 'W', 1))).toBe('closed');
    expect(code(() => checkDecision(s, 'W', 1))).toBeNull();
  });

  it('a log folds to the same state every time (what a restart does)', () => {
    const log: LoggedAction[] = [
      { action: { type: 'open' }, at: 5, by: 'facilitator' },
      { action: { type: 'close' }, at: 65_005, by: 'timer' },
      { action: { type: 'advance' }, at: 70_000, by: 'facilitator' },
      { action: { type: 'message', text: 'coffee' }, at: 71_000, by: 'facilitator' },
    ];
    expect(replayLog(setup, log)).toEqual(replayLog(setup, log));
    expect(replayLog(setup, log)).toMatchObject({ phase: 'results', round: 1, messages: [{ text: 'coffee', at: 71_000 }] });
  });

  it('parses messages strictly: size, JSON, type, ranges and unknown keys', () => {
    expect(parseClientMessage('x'.repeat(9000))).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(parseClientMessage('[1,')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(parseClientMessage('{"t":"act","id":3,"action":{"type":"extend","seconds":99999}}')).toMatchObject({ ok: false, id: 3 });
    expect(parseClientMessage('{"t":"ping","id":1,"x":1}')).toMatchObject({ ok: false, error: { message: expect.stringContaining('unknown key "x"') } });
    expect(parseClientMessage('{"t":"ping","id":1}')).toMatchObject({ ok: true });
  });
});
