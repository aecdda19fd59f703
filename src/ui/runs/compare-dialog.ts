// "Compare runs": the kept runs in a list (scenario, seed, month, the player's controls, composite
// score, verdicts), two of them picked side by side in a CompareView, each one a link that opens it
// again. A native modal <dialog>: focus moves in, Escape closes, focus returns.
import { h, type Texts } from '../dom';
import { verdictGroups } from '../panels/verdict-panel';
import { LABEL_GLYPH } from '../panels/panel-parts';
import { CompareView, type ComparedRun } from './compare-view';
import type { KeptRun, KeptRuns } from './kept-runs';

export function runName(texts: Texts, r: KeptRun): string {
  const { i18n } = texts;
  return i18n.t('runs.entry', { scenario: r.title[i18n.lang], seed: r.seed, month: i18n.int(r.month), months: i18n.int(r.months) });
}

export class CompareDialog {
  readonly dialog: HTMLDialogElement;
  readonly view: CompareView;
  private list: HTMLElement;
  private picked: string[] = [];

  constructor(
    private readonly texts: Texts,
    private readonly runs: KeptRuns,
    /** the page's address for a kept run's query string */
    private readonly href: (search: string) => string,
  ) {
    this.view = new CompareView(texts);
    this.list = h('ul', { class: 'kept-runs' });
    const close = texts.text(h('button', { type: 'button', class: 'secondary', 'data-action': 'compare-close' }), 'runs.close');
    close.addEventListener('click', () => this.dialog.close());
    this.dialog = h(
      'dialog',
      { class: 'compare-dialog', 'aria-labelledby': 'compare-title' },
      h('div', { class: 'dialog-head' }, texts.text(h('h2', { id: 'compare-title' }), 'runs.heading'), close),
      texts.text(h('p', { class: 'intro' }), 'runs.intro'),
      h('section', { class: 'kept-section', 'aria-labelledby': 'kept-title' }, texts.text(h('h3', { id: 'kept-title' }), 'runs.list'), this.list),
      h('section', { class: 'compare-section-wrap', 'aria-labelledby': 'compare-view-title' }, texts.text(h('h3', { id: 'compare-view-title' }), 'compare.heading'), this.view.root),
    );
    this.dialog.addEventListener('click', (e) => {
      if (e.target === this.dialog) this.dialog.close();
    });
    runs.onChange(() => this.render());
    texts.on(() => this.render());
  }

  open(): void {
    // the two newest runs are picked unless the visitor picked others
    const keys = this.runs.runs.map((r) => r.key);
    this.picked = this.picked.filter((k) => keys.includes(k));
    for (const k of keys) if (this.picked.length < 2 && !this.picked.includes(k)) this.picked.push(k);
    this.render();
    if (!this.dialog.open) this.dialog.showModal();
  }

  private toggle(key: string, on: boolean): void {
    this.picked = this.picked.filter((k) => k !== key);
    if (on) {
      this.picked.push(key);
      if (this.picked.length > 2) this.picked.shift();
    }
    this.render();
  }

  private render(): void {
    const { i18n } = this.texts;
    const runs = this.runs.runs;
    if (runs.length === 0) {
      this.list.replaceChildren(h('li', { class: 'hint' }, i18n.t('runs.empty')));
    } else {
      this.list.replaceChildren(
        ...runs.map((r) => {
          const id = `pick-${r.key.replace(/[^a-z0-9]/gi, '').slice(-40)}-${r.month}`;
          const box = h('input', { type: 'checkbox', id, 'data-run': r.key });
          box.checked = this.picked.includes(r.key);
          box.addEventListener('change', () => this.toggle(r.key, box.checked));
          const remove = h('button', { type: 'button', class: 'secondary small', 'data-action': 'remove-run' }, i18n.t('runs.remove'));
          remove.setAttribute('aria-label', `${i18n.t('runs.remove')}: ${runName(this.texts, r)}`);
          remove.addEventListener('click', () => this.runs.remove(r.key));
          const verdicts = verdictGroups(i18n, r.report)
            .map((g) => `${LABEL_GLYPH[g.label]} ${i18n.t(`label.${g.label}`)}: ${g.names.length}`)
            .join(' · ');
          const link = h('a', { href: this.href(r.search), class: 'run-link' }, i18n.t('runs.reopen'));
          link.setAttribute('aria-label', `${i18n.t('runs.reopen')}: ${runName(this.texts, r)}`);
          return h(
            'li',
            { class: 'kept-run', 'data-run': r.key },
            h('span', { class: 'check' }, box, h('label', { for: id }, runName(this.texts, r))),
            h('span', { class: 'hint' }, `${i18n.t('runs.controls', { count: i18n.int(r.controls) })}; ${i18n.t('runs.composite', { score: i18n.score(r.report.twin.composite) })}; ${verdicts}`),
            h('span', { class: 'kept-actions' }, link, remove),
          );
        }),
      );
    }
    // A is the run kept first, B the later one: B − A reads as "what changed"
    const [first, second] = this.picked
      .map((k) => runs.find((r) => r.key === k))
      .filter((r): r is KeptRun => !!r)
      .sort((x, y) => x.savedAt - y.savedAt)
      .map((r) => r.key);
    const pick = (key: string | undefined): ComparedRun | null => {
      const r = runs.find((x) => x.key === key);
      return r ? { name: runName(this.texts, r), report: r.report, href: this.href(r.search) } : null;
    };
    this.view.update(pick(first), pick(second));
  }
}
