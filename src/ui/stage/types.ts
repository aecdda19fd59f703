// The stage's public types (re-exported by index.ts; kept apart so the views can import them).
import type { Corner, LoopStation, ManagerId, MonthSnapshot, Status } from '../../model/types';
import type { StageLanguage } from './format';

export type { StageLanguage };

/** Every word the stage draws, in the active language (the app's i18n fills it). */
export interface StageLabels {
  stations: Record<LoopStation, string>;
  virtuous: string;
  vicious: string;
  damped: string;
  managers: Record<ManagerId, string>;
  municipality: string;
  corners: Record<Corner, string>;
  statuses: Record<Status, string>;
  balancing: { aspirations: string; budgetCeiling: string; harderClients: string; scandalHazard: string };
  /** by event type (EventLogEntry.type); a missing type falls back to the event's English text */
  events: Record<string, string>;
  /** the dots' legend; "{n}" is replaced by the people per dot. Default: "1 dot ≈ {n} people" / "1 stip ≈ {n} mensen" */
  dotScale?: string;
  /** the legend when each dot is one person. Default: "1 dot = 1 person" / "1 stip = 1 persoon" */
  dotScaleOne?: string;
  /**
   * the note inside Left bijstand, whose number is a running total and which holds no dots.
   * Default: "Total since month 0, not drawn as dots" / "Totaal sinds maand 0, niet als stippen getekend"
   */
  exitedNote?: string;
}

export interface StageOptions {
  reducedMotion: boolean;
  language: StageLanguage;
  labels: StageLabels;
}

export interface Stage {
  /**
   * Draw one simulated month. `sample` holds one code per dot (up to about 1,000, the same dots every
   * month): the STATUS_CODE of the client the dot follows, `exited` once when that client left bijstand,
   * anything larger when the dot follows nobody (src/engine/sandbox-api.ts, ClientSample).
   */
  update(snapshot: MonthSnapshot, sample: Uint8Array): void;
  setReducedMotion(on: boolean): void;
  setLabels(labels: StageLabels, language: StageLanguage): void;
  /** Forget the run: empty loop, no dots, no pulses (the next update starts without transitions). */
  reset(): void;
  /** The stage as a PNG, at the canvas's device resolution. */
  toPNG(): Promise<Blob>;
  destroy(): void;
  /** Frames rendered so far (tests read it). */
  readonly frameCount: number;
}
