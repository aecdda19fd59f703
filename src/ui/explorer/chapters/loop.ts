// Chapter 5, the success loop: one card in month 12 (a scandal, a positive story, or none), and the loop
// over the two years after it: the gain, the five stations and the balancing pressures. The student
// predicts the regime the loop is in for most of months 13 to 36; the answer counts the run's regimes.
import { h } from '../../dom';
import { LOOP_STATIONS, type LuckEvent } from '../../../model/types';
import type { PlayerControl } from '../../../engine/sandbox-api';
import type { RunSpec } from '../../../engine/replay';
import type { ChapterDef, ChapterPiece, Outcome } from '../chapter';
import { LineChart } from '../views/line-chart';
import { column, field, presetSpec, ScenarioField, SeedField, Changes } from './parts';

const MONTHS = 48;
const CARD_MONTH = 12;
/** the window the question is about: months 13..36 */
const FROM = 13;
const TO = 36;
const CARDS: (LuckEvent | 'none')[] = ['mediaScandal', 'positiveStory', 'none', 'recession', 'boom'];
const REGIMES = ['virtuous', 'vicious', 'damped'] as const;
const BALANCING = ['aspirations', 'harderClients', 'budgetCeiling', 'scandalHazard'] as const;
const BALANCING_KEY = { aspirations: 'balancing.aspirations', harderClients: 'balancing.harderClients', budgetCeiling: 'balancing.budgetCeiling', scandalHazard: 'balancing.scandalHazard' } as const;
const SERIES = ['loop.gain', ...LOOP_STATIONS.map((s) => `loop.levels.${s}`), ...BALANCING.map((b) => `loop.balancing.${b}`)];
const STATION_COLORS = ['#0b5fa5', '#a82a63', '#1b7443', '#7a5300', '#a34f00'];
const DASHES = [[], [7, 4], [2, 3], [8, 3, 2, 3], [4, 2]];

export const loopChapter: ChapterDef = {
  id: 'loop',
  title: 'ch.loop.title',
  lead: 'ch.loop.lead',
  paragraphs: ['ch.loop.p1', 'ch.loop.p2', 'ch.loop.p3'],
  build(ctx): ChapterPiece {
    const { texts, x, i18n } = ctx;
    const start = presetSpec(ctx, { scenarioId: 'baseline', seed: 1, months: MONTHS, controls: [{ month: CARD_MONTH, type: 'mediaScandal' }] });
    const changes = new Changes();
    const changed = changes.settings;
    const scenario = new ScenarioField(ctx, null, start.scenarioId, changed);
    const seed = new SeedField(ctx, start.seed, changed);
    const card = h('select', { 'data-control': 'card' });
    const preset = start.controls.find((c) => c.month === CARD_MONTH && c.type !== 'set');
    const fill = () => {
      const keep = card.value || (preset ? preset.type : 'none');
      card.replaceChildren(...CARDS.map((c) => h('option', { value: c }, c === 'none' ? x.t('ch.loop.card.none') : i18n.t(`event.${c}`))));
      card.value = keep;
    };
    texts.on(fill);
    card.addEventListener('change', changed);

    const gain = new LineChart(texts, x, x.bind('ch.loop.gainChart'), 170, 'gain');
    const stations = new LineChart(texts, x, x.bind('ch.loop.stations'), 200, 'stations');
    const balancing = new LineChart(texts, x, x.bind('ch.loop.balancing'), 170, 'balancing');
    const views = h('div', { class: 'views charts' }, gain.root, stations.root, balancing.root);
    const cardLabel = () => x.t('ch.loop.marker', { month: CARD_MONTH });
    const controls = (): PlayerControl[] => (card.value === 'none' ? [] : [{ month: CARD_MONTH, type: card.value as LuckEvent }]);
    const spec = (): RunSpec => ({ scenarioId: scenario.value, seed: seed.value, months: MONTHS, controls: controls() });
    let ran: RunSpec | null = null;

    return {
      controls: h('div', { class: 'controls' }, texts.text(h('p', { class: 'try-lead' }), x.bind('ch.loop.try')), h('div', { class: 'control-row' }, scenario.root, seed.root, field(texts, x.bind('ch.loop.card'), card))),
      views,
      question: x.bind('ch.loop.q'),
      options: () => REGIMES.map((r) => ({ id: r, label: x.bind(`opt.regime.${r}`) })),
      async run(): Promise<Outcome> {
        const s = spec();
        const r = await ctx.model.replay({ spec: s, series: SERIES });
        ran = s;
        const col = (p: string) => column(r.series, r.columns, p);
        const g = col('loop.gain');
        let top = 1;
        for (const v of g) if (Number.isFinite(v)) top = Math.max(top, v);
        gain.update({ lines: [{ key: 'gain', name: x.t('ch.loop.gainChart'), values: g, color: '#5b3a9e', width: 2.5 }], y: [0, Math.ceil(top * 2) / 2], reference: 1, marker: CARD_MONTH, markerLabel: cardLabel(), format: (v) => i18n.decimal(v) });
        stations.update({ lines: LOOP_STATIONS.map((st, i) => ({ key: st, name: i18n.t(`station.${st}`), values: col(`loop.levels.${st}`), color: STATION_COLORS[i], dash: DASHES[i] })), marker: CARD_MONTH, markerLabel: cardLabel(), format: (v) => i18n.score(v) });
        balancing.update({ lines: BALANCING.map((b, i) => ({ key: b, name: i18n.t(BALANCING_KEY[b]), values: col(`loop.balancing.${b}`), color: STATION_COLORS[i], dash: DASHES[i] })), marker: CARD_MONTH, markerLabel: cardLabel(), format: (v) => i18n.score(v) });
        const counts = { virtuous: 0, vicious: 0, damped: 0 };
        for (let m = FROM; m <= TO; m++) counts[r.regimes[m - 1]]++;
        const answer = REGIMES.reduce((best, k) => (counts[k] > counts[best] ? k : best), REGIMES[0]);
        const at = (p: string) => col(p)[TO - 1];
        return {
          answer,
          reveal: () =>
            x.t('ch.loop.reveal', {
              ...counts,
              gain: i18n.decimal(at('loop.gain')),
              aspirations: i18n.score(at('loop.balancing.aspirations')),
              harder: i18n.score(at('loop.balancing.harderClients')),
              ceiling: i18n.score(at('loop.balancing.budgetCeiling')),
            }),
        };
      },
      spec: () => ran,
      link: () => {
        const s = spec();
        return { run: { scenario: s.scenarioId, seed: s.seed, months: s.months, controls: s.controls, at: 0 } };
      },
      onSettingsChange: (fn) => changes.on(fn),
      branch: { change: { card: 'positiveStory' }, month: CARD_MONTH + 6 },
    };
  },
};
