// The seven chapters, in the order of the deck's argument.
import type { ChapterDef } from '../chapter';
import type { ChapterId } from '../route';
import { triangleChapter } from './triangle';
import { accountChapter } from './account';
import { relativeChapter } from './relative';
import { metaChapter } from './meta';
import { loopChapter } from './loop';
import { luckChapter } from './luck';
import { atlasChapter } from './atlas';

export const CHAPTER_DEFS: Record<ChapterId, ChapterDef> = {
  triangle: triangleChapter,
  account: accountChapter,
  relative: relativeChapter,
  meta: metaChapter,
  loop: loopChapter,
  luck: luckChapter,
  atlas: atlasChapter,
};
