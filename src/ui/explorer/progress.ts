// A student's progress, kept in the browser (localStorage): which chapters were opened, the prediction
// made in each and whether it was revealed. Nothing leaves the browser. Storage that is blocked
// (private mode) or holds something unreadable just starts afresh.
import { z } from 'zod';
import { CHAPTERS, type ChapterId } from './route';

const STORAGE_KEY = 'meerwaarde.explorer.progress';

const chapterSchema = z.object({
  opened: z.boolean().default(false),
  /** the option the student chose before the reveal */
  prediction: z.string().max(40).nullable().default(null),
  revealed: z.boolean().default(false),
  /** whether the prediction matched what the run showed */
  matched: z.boolean().nullable().default(null),
});
export type ChapterProgress = z.output<typeof chapterSchema>;

const progressSchema = z.object({
  v: z.literal(1),
  chapters: z.partialRecord(z.enum(CHAPTERS), chapterSchema).default({}),
  last: z.enum(CHAPTERS).nullable().default(null),
});
export type Progress = z.output<typeof progressSchema>;

const EMPTY: Progress = { v: 1, chapters: {}, last: null };

export class ProgressStore {
  private data: Progress;
  private listeners = new Set<(p: Progress) => void>();

  constructor(private readonly storage: Storage | null = safeStorage()) {
    this.data = read(storage);
  }

  get progress(): Progress {
    return this.data;
  }

  chapter(id: ChapterId): ChapterProgress {
    return this.data.chapters[id] ?? { opened: false, prediction: null, revealed: false, matched: null };
  }

  /** chapters whose prediction was revealed */
  doneCount(): number {
    return CHAPTERS.filter((id) => this.chapter(id).revealed).length;
  }

  update(id: ChapterId, change: Partial<ChapterProgress>): void {
    this.data = { ...this.data, last: id, chapters: { ...this.data.chapters, [id]: { ...this.chapter(id), ...change } } };
    this.save();
  }

  reset(): void {
    this.data = EMPTY;
    this.save();
  }

  onChange(fn: (p: Progress) => void): void {
    this.listeners.add(fn);
  }

  private save(): void {
    try {
      this.storage?.setItem(STORAGE_KEY, JSON.stringify(this.data));
    } catch {
      // not kept (storage full or blocked); the page goes on
    }
    for (const fn of this.listeners) fn(this.data);
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function read(storage: Storage | null): Progress {
  try {
    const text = storage?.getItem(STORAGE_KEY);
    if (!text) return EMPTY;
    const parsed = progressSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : EMPTY;
  } catch {
    return EMPTY;
  }
}
