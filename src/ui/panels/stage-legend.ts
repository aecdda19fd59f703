// The legend beside the loop: every shape, colour, line and sign of the drawing with a small picture
// of it in the canvas's own colours (palette.ts), and what it means. DOM and inline SVG, so it reads
// aloud, prints and translates.
import { h, type Texts } from '../dom';
import type { MessageKey } from '../i18n/index';
import { STATUSES, type Status } from '../../model/types';
import { PALETTE, STATUS_STYLE, cssHex } from '../stage/palette';

const NS = 'http://www.w3.org/2000/svg';
const c = (rgb: number) => cssHex(rgb);

/** a 44x28 picture from an SVG fragment (decorative: the words beside it say the same) */
function swatch(inner: string, width = 44, height = 28): SVGSVGElement {
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.classList.add('legend-swatch');
  svg.innerHTML = inner;
  return svg;
}

const sign = (x: number, y: number, colour: string, kind: '+' | '-' | '=') => {
  const bars =
    kind === '+'
      ? `<path d="M${x - 3.5} ${y}h7M${x} ${y - 3.5}v7"/>`
      : kind === '-'
        ? `<path d="M${x - 3.5} ${y}h7"/>`
        : `<path d="M${x - 3.5} ${y - 1.6}h7M${x - 3.5} ${y + 1.6}h7"/>`;
  return `<circle cx="${x}" cy="${y}" r="6.5" fill="#fff" stroke="${colour}" stroke-width="1.6"/><g stroke="${colour}" stroke-width="1.8" stroke-linecap="round">${bars}</g>`;
};

const PICTURES = {
  station: () =>
    `<circle cx="22" cy="14" r="11" fill="#fff" stroke="${c(PALETTE.stationRing)}" stroke-width="1.5"/><circle cx="22" cy="14" r="7" fill="${c(PALETTE.station)}"/>` +
    `<path d="M22 1 A13 13 0 0 1 34.4 18" fill="none" stroke="${c(PALETTE.stationLevel)}" stroke-width="3"/>`,
  flowUp: () =>
    `<path d="M2 14H34" stroke="${c(PALETTE.positive)}" stroke-width="4" opacity="0.45"/><path d="M34 8 42 14 34 20Z" fill="${c(PALETTE.positive)}"/>${sign(18, 14, c(PALETTE.positive), '+')}`,
  flowDown: () =>
    `<path d="M2 14H34" stroke="${c(PALETTE.negative)}" stroke-width="4" stroke-dasharray="7 4" opacity="0.45"/><path d="M34 8 42 14 34 20" fill="none" stroke="${c(PALETTE.negative)}" stroke-width="2.5" stroke-linecap="round"/>${sign(18, 14, c(PALETTE.negative), '-')}`,
  flowFlat: () =>
    `<path d="M2 14H36" stroke="${c(PALETTE.neutral)}" stroke-width="2" stroke-dasharray="2 5"/><path d="M35 9 42 14 35 19Z" fill="none" stroke="${c(PALETTE.neutral)}" stroke-width="1.5"/>${sign(18, 14, c(PALETTE.neutral), '=')}`,
  pressure: () =>
    `<path d="M4 6H40" stroke="${c(PALETTE.positive)}" stroke-width="3" opacity="0.45"/><path d="M14 10H30" stroke="${c(PALETTE.balancing)}" stroke-width="4" stroke-linecap="round"/><rect x="20.5" y="10" width="3" height="16" fill="${c(PALETTE.balancing)}"/>`,
  gain: () =>
    `<circle cx="22" cy="14" r="12" fill="#fff" stroke="${c(PALETTE.damped)}" stroke-width="2"/><text x="22" y="18" text-anchor="middle" font-size="10" font-weight="700" fill="${c(PALETTE.textMuted)}">G</text>`,
  triangle: () =>
    `<path d="M22 2 40 26H4Z" fill="none" stroke="${c(PALETTE.frame)}" stroke-width="1.5"/><path d="M22 10 31 22H13Z" fill="none" stroke="${c(PALETTE.textMuted)}" stroke-width="1.2"/><path d="M22 6 36 24 10 21Z" fill="${c(PALETTE.meta)}" fill-opacity="0.35" stroke="${c(PALETTE.meta)}" stroke-width="2" stroke-linejoin="round"/>`,
  luckGood: () => `<path d="M22 3l3 7h7l-5.5 4.5 2 7.5L22 17.5 15.5 22l2-7.5L12 10h7Z" fill="${c(PALETTE.good)}"/>`,
  luckBad: () =>
    `<path d="M22 2l2.5 7 6-4-2.5 7 7 1.5-6.5 3 4 6-7-2.5-1 7-3-6.5-4.5 5.5 .5-7-7 1 5-5-6-4 7 .5-1.5-7 5.5 4.5Z" fill="${c(PALETTE.bad)}"/>`,
  luckNeutral: () => `<path d="M22 3 30 14 22 25 14 14Z" fill="${c(PALETTE.eventNeutral)}"/>`,
  played: () => `<rect x="3" y="6" width="38" height="16" rx="4" fill="#fff" stroke="${c(PALETTE.played)}" stroke-width="2.5"/>`,
} as const;

function dot(status: Status): string {
  const s = STATUS_STYLE[status];
  const fill = c(s.colour);
  const rim = c(PALETTE.dotRim);
  const at = 'transform="translate(14 14)"';
  switch (s.shape) {
    case 'circle':
      return `<circle cx="14" cy="14" r="7" fill="${fill}" stroke="${rim}"/>`;
    case 'triangle':
      return `<path ${at} d="M0 -8 7 5H-7Z" fill="${fill}" stroke="${rim}"/>`;
    case 'diamond':
      return `<path ${at} d="M0 -8 6 0 0 8 -6 0Z" fill="${fill}" stroke="${rim}"/>`;
    case 'square':
      return `<rect x="7.5" y="7.5" width="13" height="13" fill="${fill}" stroke="${rim}"/>`;
    case 'plus':
      return `<path ${at} d="M-2.5 -7h5v4.5h4.5v5h-4.5v4.5h-5v-4.5h-4.5v-5h4.5Z" fill="${fill}" stroke="${rim}"/>`;
    case 'ring':
      return `<circle cx="14" cy="14" r="6" fill="none" stroke="${fill}" stroke-width="3"/><circle cx="14" cy="14" r="7.5" fill="none" stroke="${rim}"/>`;
  }
}

export class StageLegend {
  readonly root: HTMLElement;

  constructor(texts: Texts, glossaryHref: string) {
    const item = (picture: keyof typeof PICTURES | null, key: MessageKey, extra?: Node) =>
      h('li', { class: 'legend-item' }, picture ? swatch(PICTURES[picture]()) : h('span', { class: 'legend-swatch-gap' }), h('span', {}, texts.text(h('span'), key), extra ?? null));
    const group = (title: MessageKey, ...items: Node[]) => h('div', { class: 'legend-group' }, texts.text(h('h3'), title), h('ul', {}, ...items));
    const glossary = texts.text(h('a', { href: glossaryHref, class: 'legend-glossary' }), 'legend.glossary');
    const dots = h(
      'ul',
      { class: 'legend-dots' },
      ...STATUSES.map((s) => h('li', {}, swatch(dot(s), 28, 28), texts.text(h('span'), `status.${s}`))),
    );
    this.root = h(
      'aside',
      { class: 'stage-legend', 'aria-labelledby': 'legend-heading', hidden: true },
      texts.text(h('h2', { id: 'legend-heading' }), 'legend.heading'),
      group(
        'legend.loop',
        item('station', 'legend.station'),
        item('flowUp', 'legend.flowUp'),
        item('flowDown', 'legend.flowDown'),
        item('flowFlat', 'legend.flowFlat'),
        item('pressure', 'legend.pressure'),
        item(null, 'legend.b1'),
        item(null, 'legend.b2'),
        item(null, 'legend.b3'),
        item(null, 'legend.b5'),
        item(null, 'legend.b4'),
        item('gain', 'legend.gain'),
      ),
      group('legend.triangles', item('triangle', 'legend.triangle'), item(null, 'legend.corners'), item(null, 'legend.frames'), item(null, 'legend.balanced')),
      group('legend.people', item(null, 'legend.dots')),
      dots,
      group('legend.luck', item('luckGood', 'legend.luckGood'), item('luckBad', 'legend.luckBad'), item('luckNeutral', 'legend.luckNeutral'), item('played', 'legend.played')),
      h('p', {}, glossary),
    );
  }
}
