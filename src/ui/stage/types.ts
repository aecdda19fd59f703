// The stage's public types (re-exported by index.ts; kept apart so the views can import them).
import type { Corner, EventLogEntry, LoopStation, ManagerId, MonthSnapshot, Status } from '../../model/types';
import type { StageLanguage } from './format';

export type { StageLanguage };

/** Every word the stage draws, in the active language (the app's i18n fills it). */
export interface StageLabels {
  stations: Record<LoopStation, string>;
  virtuous: string;
  vicious: string;
  damped: string;
  managers: Record<ManagerId, string>;
  /** shorter names for narrow triangles ("Werkb."); default: the manager's letter */
  managersShort?: Record<ManagerId, string>;
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
  /** the label of the player's own card; "{event}" is replaced. Default: "Your card: {event}" / "Jouw kaart: {event}" */
  playedCard?: string;
}

export interface StageOptions {
  reducedMotion: boolean;
  language: StageLanguage;
  labels: StageLabels;
  /** enlarge all type (the projector view uses about 1.4); default 1 */
  textScale?: number;
}

/** Which part of the drawing a StagePart is. */
export type StagePartKind = 'station' | 'flow' | 'balancing' | 'badge' | 'gauge' | 'triangle' | 'zone' | 'dots';

/**
 * A part of the drawing the page makes focusable and hoverable (a DOM button laid over it): its kind,
 * which one (a LoopStation for stations and for the arrow that leaves that station; a balancing key;
 * 'municipality' or a ManagerId; a Status; 'gain'; 'legend'), and its box in CSS px from the canvas's top left.
 */
export interface StagePart {
  kind: StagePartKind;
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Something drawn in one colour, for the contrast test (see inks.ts). */
export interface StageInk {
  name: string;
  role: 'text' | 'graphic';
  colour: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** text only: the size it is drawn at, CSS px */
  fontPx?: number;
  text?: string;
}

export interface Stage {
  /**
   * Draw one simulated month. `sample` holds one code per dot (up to about 1,000, the same dots every
   * month): the STATUS_CODE of the client the dot follows, `exited` once when that client left bijstand,
   * anything larger when the dot follows nobody (src/engine/sandbox-api.ts, ClientSample).
   * `played` tells the player's own cards among the month's events: their pulses stay longer and say so.
   */
  update(snapshot: MonthSnapshot, sample: Uint8Array, played?: (entry: EventLogEntry) => boolean): void;
  /**
   * Playing or paused. While paused the flow stops and, once the last transition has settled, the
   * stage draws nothing until something changes (no redraws at rest).
   */
  setPlaying(on: boolean): void;
  setReducedMotion(on: boolean): void;
  setTextScale(scale: number): void;
  /**
   * Draw at most this many frames a second (0: as often as the screen refreshes). The page asks for
   * 30 at full speed, where months change faster than the eye follows: on software WebGL every drawn
   * frame is read back for compositing, so fewer frames keep the page's own frames free.
   */
  setMaxFps(fps: number): void;
  /** Fill this many CSS px of height (never below the layout's minimum), or null: the natural height for the width. */
  setHeight(height: number | null): void;
  /** Where the focusable parts are (CSS px); `onParts` is called after every layout change. */
  parts(): StagePart[];
  onParts(listener: (parts: StagePart[]) => void): () => void;
  /** Text and meaningful graphics as drawn, with their colours (the contrast test). */
  inks(): StageInk[];
  setLabels(labels: StageLabels, language: StageLanguage): void;
  /** Forget the run: empty loop, no dots, no pulses (the next update starts without transitions). */
  reset(): void;
  /** The stage as a PNG, at the canvas's device resolution or the one given (2 for a crisp export). */
  toPNG(resolution?: number): Promise<Blob>;
  /** The stage as a canvas at the given resolution (to compose a labelled picture). */
  toCanvas(resolution?: number): HTMLCanvasElement | OffscreenCanvas;
  destroy(): void;
  /** Frames rendered so far (tests read it). */
  readonly frameCount: number;
}
