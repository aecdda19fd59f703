// The round timer on the server's own clock: at time-out the round closes by itself (logged as the
// timer's act, stored like any other), the last saved decision stands, and a restart finds the round
// closed. Real SQLite, real model threads; the service's clock is moved instead of waiting 30 seconds.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ModelPool } from '../../src/server/model-pool';
import { SessionService } from '../../src/server/sessions';
import { Store } from '../../src/server/store';
import { SessionSetupSchema } from '../../src/session/setup';
import { DECISION, ROOT, SETUP, tempDir } from './harness';

const setup = SessionSetupSchema.parse({ ...SETUP, teams: [{ name: 'Een' }], roles: ['W'], roundSeconds: 30 });

describe('the round timer', () => {
  const file = join(tempDir(), 'timer.db');
  const pool = new ModelPool(join(ROOT, 'dist-cli', 'session-worker.mjs'), 1);
  afterAll(async () => {
    await pool.close();
  });

  it('closes the round at time-out with the last saved decision standing; pause and extend move the deadline; a restart finds it closed', async () => {
    let clock = 1_000_000;
    const store = new Store(file);
    const service = new SessionService(store, pool, () => {}, () => clock);
    const { id } = service.create(setup);
    const core = service.get(id)!;
    service.takeSeat(core, 0, 'W', 'Gert');
    await service.act(id, { type: 'open' });
    expect(core.state.deadline).toBe(clock + 30_000);
    await service.decide(id, 0, 'W', 1, DECISION);
    clock += 10_000;
    await service.act(id, { type: 'pause' });
    expect(core.state.pausedRemaining).toBe(20_000);
    clock += 600_000; // a long pause: the timer does not run
    await service.act(id, { type: 'resume' });
    await service.act(id, { type: 'extend', seconds: 30 });
    expect(core.state.deadline).toBe(clock + 50_000);
    // just before the deadline: the timer fires (its delay is the deadline minus the service's clock)
    clock += 49_990;
    await service.act(id, { type: 'message', text: 'ten more milliseconds' });
    await expect.poll(() => core.state.phase, { timeout: 5000 }).toBe('closed');
    expect(core.log[core.log.length - 1]).toMatchObject({ by: 'timer', action: { type: 'close' } });
    expect(core.decisionFor(0, 'W', 1)?.decision).toEqual(DECISION);
    store.close();

    const again = new SessionService(new Store(file), pool, () => {}, () => clock);
    expect(again.loadAll()).toBe(1);
    expect(again.get(id)!.state).toMatchObject({ phase: 'closed', round: 1, deadline: null });
    expect(again.get(id)!.log.map((l) => l.by)).toContain('timer');
  });
});
