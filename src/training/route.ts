// Which training page an address asks for: the last path segment on the server (/join, /play, ...), or
// ?page=solo on any static host (the one-screen mode needs no server). Tiny on purpose: src/main.ts
// imports it before deciding whether to load the sandbox or a training page.
export const TRAINING_PAGES = ['training', 'join', 'play', 'facilitator', 'projector', 'debrief', 'solo'] as const;
export type TrainingPage = (typeof TRAINING_PAGES)[number];

export function trainingPage(loc: { pathname: string; search: string }): TrainingPage | null {
  const param = new URLSearchParams(loc.search).get('page');
  const last = loc.pathname.split('/').filter(Boolean).pop() ?? '';
  const name = param ?? last;
  return (TRAINING_PAGES as readonly string[]).includes(name) ? (name as TrainingPage) : null;
}
