// The sandbox's small UI state, changed only through immer recipes so every change is a new,
// frozen object and listeners can compare by reference.
import { produce, type Draft } from 'immer';
import type { ManagerId } from '../model/types';
import type { PlayerControl } from '../engine/sandbox-api';

export const SPEEDS = ['slow', 'normal', 'fast', 'full'] as const;
export type Speed = (typeof SPEEDS)[number];
/** months per second; 'full' steps as fast as the worker can, one drawn frame at a time */
export const MONTHS_PER_SECOND: Record<Exclude<Speed, 'full'>, number> = { slow: 1, normal: 3, fast: 12 };

export interface SandboxState {
  scenarioId: string;
  seed: number;
  months: number;
  /** the player's controls so far, in month order (the URL holds them) */
  controls: PlayerControl[];
  speed: Speed;
  playing: boolean;
  /** the month the run has reached */
  month: number;
  done: boolean;
  selectedManager: ManagerId;
  reducedMotion: boolean;
  /** desk (and phone: the same page, one column) or projector (large type, loop and verdicts only) */
  view: View;
}

export type View = 'desk' | 'projector';

export type Listener<T> = (state: T, previous: T) => void;

export class Store<T> {
  private listeners = new Set<Listener<T>>();

  constructor(private current: T) {}

  get state(): T {
    return this.current;
  }

  update(recipe: (draft: Draft<T>) => void): void {
    const previous = this.current;
    const next = produce(previous, recipe);
    if (next === previous) return;
    this.current = next;
    for (const fn of this.listeners) fn(next, previous);
  }

  subscribe(fn: Listener<T>): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}

/** The value a setting has now: the player's latest control for it, else the scenario's value. */
export function settingValue(state: SandboxState, scenarioSettings: Record<string, number>, path: string): number | undefined {
  for (let i = state.controls.length - 1; i >= 0; i--) {
    const c = state.controls[i];
    if (c.type === 'set' && c.path === path) return c.value;
  }
  return scenarioSettings[path];
}
