// Chapter 3, success is relative: one run, judged by the council, the public, the clients' council and
// employers through their own values (the weights shown come from the model), on McConnell's scale (the
// thresholds from the run's labelScale). The student predicts who judges most favourably.
import { h } from '../../dom';
import { AUDIENCE_IDS, type AudienceId } from '../../../model/types';
import type { Replay, RunSpec } from '../../../engine/replay';
import { VerdictPanel } from '../../panels/verdict-panel';
import type { ChapterDef, ChapterPiece, Outcome } from '../chapter';
import { ChoiceField, presetSpec, presetValue, ScenarioField, SeedField, managerControls, Changes } from './parts';
import type { ExplorerKey } from '../i18n/index';
import { scrollBox } from '../views/chart-figure';

const MONTHS = 96;

export const relativeChapter: ChapterDef = {
  id: 'relative',
  title: 'ch.relative.title',
  lead: 'ch.relative.lead',
  paragraphs: ['ch.relative.p1', 'ch.relative.p2'],
  build(ctx): ChapterPiece {
    const { texts, x, i18n } = ctx;
    const start = presetSpec(ctx, { scenarioId: 'baseline', seed: 1, months: MONTHS, controls: [] });
    const changes = new Changes();
    const changed = changes.settings;
    const scenario = new ScenarioField(ctx, null, start.scenarioId, changed);
    const seed = new SeedField(ctx, start.seed, changed);
    const preset = presetValue(start.controls, 'managers.W.stance.value');
    const stance = new ChoiceField<'auto' | '1' | '0'>(
      texts,
      x.bind('ch.relative.valueStance'),
      [
        { id: 'auto', label: x.bind('ch.relative.auto') },
        { id: '1', label: x.bind('stance.value.1') },
        { id: '0', label: x.bind('stance.value.0') },
      ],
      preset === undefined ? 'auto' : preset >= 0.5 ? '1' : '0',
      changed,
      'value-stance',
    );

    const verdicts = new VerdictPanel(texts);
    // the sandbox's panel has an h2; here it sits under the chapter's h3 sections
    verdicts.root.querySelector('h2')?.setAttribute('aria-level', '4');
    const weights = h('ul', { class: 'weights', 'data-part': 'weights' });
    const scale = h('ul', { class: 'label-scale', 'data-part': 'label-scale' });
    let last: Replay | null = null;
    const render = () => {
      if (!last) return;
      const r = last;
      weights.replaceChildren(
        ...AUDIENCE_IDS.map((id) => {
          const w = r.audienceWeights[id];
          const top = w
            .map((v, k) => ({ v, k }))
            .sort((a, b) => b.v - a.v)
            .slice(0, 3)
            .map(({ v, k }) => x.t('ind.share', { name: x.t(`ind.${r.indicators[k]}` as ExplorerKey), pct: i18n.pct(v) }));
          return h('li', { 'data-audience': id }, x.t('ch.relative.weights', { audience: i18n.t(`audience.${id}`), list: i18n.list(top) }));
        }),
      );
      scale.replaceChildren(...r.labelScale.map((s) => h('li', {}, x.t('ch.relative.scale', { label: i18n.t(`label.${s.label}`), min: i18n.score(s.min) }))));
      verdicts.update(r.report);
    };
    texts.on(render);
    const verdictBox = scrollBox(i18n.t('verdict.heading'), verdicts.root);
    texts.on(() => verdictBox.setAttribute('aria-label', i18n.t('verdict.heading')));
    const views = h(
      'div',
      { class: 'views' },
      verdictBox,
      h('div', { class: 'panel' }, weights, texts.text(h('p', {}), x.bind('ch.relative.p3')), scale),
    );
    const spec = (): RunSpec => ({ scenarioId: scenario.value, seed: seed.value, months: MONTHS, controls: stance.value === 'auto' ? [] : managerControls('W', null, { value: Number(stance.value) }) });
    let ran: RunSpec | null = null;

    return {
      controls: h('div', { class: 'controls' }, texts.text(h('p', { class: 'try-lead' }), x.bind('ch.relative.try')), h('div', { class: 'control-row' }, scenario.root, seed.root, stance.root)),
      views,
      question: x.bind('ch.relative.q'),
      options: () => AUDIENCE_IDS.map((id) => ({ id, label: () => i18n.t(`audience.${id}`) })),
      async run(): Promise<Outcome> {
        const s = spec();
        const r = await ctx.model.replay({ spec: s });
        last = r;
        ran = s;
        render();
        const a = r.report.audiences;
        const best = AUDIENCE_IDS.reduce<AudienceId>((b, id) => (a[id].score > a[b].score ? id : b), AUDIENCE_IDS[0]);
        const worst = AUDIENCE_IDS.reduce<AudienceId>((b, id) => (a[id].score < a[b].score ? id : b), AUDIENCE_IDS[0]);
        return {
          answer: best,
          reveal: () =>
            x.t('ch.relative.reveal', {
              best: i18n.t(`audience.${best}`),
              bestLabel: i18n.t(`label.${a[best].label}`),
              bestScore: i18n.score(a[best].score),
              worst: i18n.t(`audience.${worst}`),
              worstLabel: i18n.t(`label.${a[worst].label}`),
              worstScore: i18n.score(a[worst].score),
              job: i18n.int(r.report.twin.toWork),
              stock: i18n.int(r.report.twin.stock),
              twin: i18n.int(r.report.twin.twinStock),
            }),
        };
      },
      spec: () => ran,
      link: () => {
        const s = spec();
        return { run: { scenario: s.scenarioId, seed: s.seed, months: s.months, controls: s.controls, at: 0 } };
      },
      onSettingsChange: (fn) => changes.on(fn),
      branch: { change: { path: 'managers.W.stance.value', value: 0 }, month: 24 },
    };
  },
};
