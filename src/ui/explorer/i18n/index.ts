// The explorer's words follow the sandbox's language (src/ui/i18n: one choice, remembered, for both
// pages), so shared views (verdicts, the account) and the chapters always speak the same language.
import { interpolate, type I18n, type Values } from '../../i18n/index';
import { explorerEn, type ExplorerKey } from './en';
import { explorerNl } from './nl';

export type { ExplorerKey } from './en';

export const EXPLORER_MESSAGES = { en: explorerEn, nl: explorerNl };

export class ExplorerText {
  constructor(readonly i18n: I18n) {}

  t(key: ExplorerKey, values?: Values): string {
    return interpolate(EXPLORER_MESSAGES[this.i18n.lang][key], values);
  }

  /** a text source for Texts.text/attr: follows language changes */
  bind(key: ExplorerKey, values?: Values): () => string {
    return () => this.t(key, values);
  }
}
