// What every training page shares: the sandbox's I18n (its words and number formats), the training
// pages' own words bound to the same language, and text that follows a language switch.
import { Texts } from '../ui/dom';
import { I18n, interpolate, type Values } from '../ui/i18n/index';
import { trainingEn, type TrainingKey } from './i18n/en';
import { trainingNl } from './i18n/nl';

const TABLES = { en: trainingEn as Record<TrainingKey, string>, nl: trainingNl };

export class TrainingContext {
  readonly i18n: I18n;
  readonly texts: Texts;

  constructor(lang?: 'nl' | 'en') {
    this.i18n = new I18n(lang);
    this.texts = new Texts(this.i18n);
    document.documentElement.lang = this.i18n.lang;
    this.i18n.onChange((l) => (document.documentElement.lang = l));
  }

  tt(key: TrainingKey, values?: Values): string {
    return interpolate(TABLES[this.i18n.lang][key], values);
  }

  /** an element's text, now and after every language switch */
  text<E extends Element>(el: E, key: TrainingKey, values?: Values | (() => Values)): E {
    return this.texts.text(el, () => this.tt(key, typeof values === 'function' ? values() : values));
  }

  attr<E extends Element>(el: E, name: string, key: TrainingKey, values?: Values): E {
    return this.texts.attr(el, name, () => this.tt(key, values));
  }

  /** mm:ss */
  clock(ms: number): string {
    const s = Math.max(0, Math.ceil(ms / 1000));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  }

  /** a time of day in the active language */
  timeOfDay(epochMs: number): string {
    return new Date(epochMs).toLocaleTimeString(this.i18n.lang === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }
}

export const TRAINING_TABLES = TABLES;
