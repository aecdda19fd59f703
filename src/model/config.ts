// What the model needs to start a run: parameters, managers, audiences and scheduled events.
// The scenario layer (src/scenario) builds this from a validated scenario overlay.
import type { Params } from './params';
import type { AudienceId, Corner, CornerTriple, InitiativeKind, LuckEvent, ManagerId } from './types';

export interface ManagerConfig {
  /** weights over the indicators */
  weights: number[];
  stance: CornerTriple;
  /** relative attention over the three levers */
  attention: CornerTriple;
  /** traits; left out, they are drawn from U(0.2, 0.6) with the decisions stream */
  courage?: number;
  design?: number;
  reframe?: number;
  control: 'auto' | 'fixed';
}

export interface AudienceConfig {
  weights: number[];
  /** weight in the political success dimension */
  power: number;
}

export type ModelEvent =
  | { month: number; type: 'set'; path: string; value: number }
  | { month: number; type: LuckEvent; magnitude?: number }
  | { month: number; type: 'electionLoss' }
  | { month: number; type: 'perceptionShock'; magnitude: number; months: number }
  | { month: number; type: 'initiative'; manager: ManagerId; kind: InitiativeKind; corner: Corner }
  | { month: number; type: 'merger' };

export interface ModelConfig {
  params: Params;
  managers: Record<ManagerId, ManagerConfig>;
  audiences: Record<AudienceId, AudienceConfig>;
  events: ModelEvent[];
}
