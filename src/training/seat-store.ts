// What a participant's device keeps in its browser: the seat (token) per session, and the decision being
// edited or not yet sent, so a reload or a lost connection loses no input.
import type { Decision, Role } from '../session/terms';

export interface StoredSeat {
  token: string;
  team: number;
  role: Role;
  name: string;
  teamName: string;
}

export interface Draft {
  round: number;
  decision: Decision;
  /** saved on the device but not yet acknowledged by the server */
  unsent: boolean;
}

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage blocked: the input stays on the page only
  }
}

export const seatStore = {
  seat: (session: string) => read<StoredSeat>(`meerwaarde.seat.${session}`),
  saveSeat: (session: string, seat: StoredSeat | null) => write(`meerwaarde.seat.${session}`, seat),
  draft: (session: string) => read<Draft>(`meerwaarde.draft.${session}`),
  saveDraft: (session: string, draft: Draft | null) => write(`meerwaarde.draft.${session}`, draft),
};
