// /training: the facilitator sets up a session (or starts from a preset) and lands on the console with
// the private facilitator link.
import { h } from '../ui/dom';
import type { SessionSetup } from '../session/terms';
import type { TrainingContext } from './context';
import { postJson } from './net';
import { pageFrame, section } from './parts';
import { SetupForm, type ScenarioOption } from './setup-form';

interface Preset {
  id: string;
  name: string;
  setup: SessionSetup;
}

export async function startSetup(ctx: TrainingContext, root: HTMLElement): Promise<void> {
  const frame = pageFrame(ctx, 'training', root);
  ctx.texts.on(() => frame.setTitle(ctx.tt('tr.setup.title')));
  const [scenarios, presets] = await Promise.all([
    fetch('api/scenarios').then((r) => r.json() as Promise<ScenarioOption[]>),
    fetch('api/presets').then((r) => r.json() as Promise<Preset[]>),
  ]);
  const form = new SetupForm(ctx, scenarios, async (setup) => {
    try {
      const created = await postJson<{ id: string; secret: string }>('api/sessions', { setup });
      location.href = `facilitator?s=${encodeURIComponent(created.id)}#k=${created.secret}`;
    } catch (e) {
      form.showError(ctx.tt('tr.error', { message: (e as Error).message }));
    }
  });
  const presetList = h('ul', { class: 'presets' });
  const renderPresets = () =>
    presetList.replaceChildren(
      ...(presets.length === 0
        ? [h('li', {}, ctx.tt('tr.setup.noPresets'))]
        : presets.map((p) => {
            const b = h('button', { type: 'button', 'data-preset': p.id }, ctx.tt('tr.setup.usePreset', { name: p.name }));
            b.addEventListener('click', () => form.fill(p.setup));
            return h('li', {}, b);
          })),
    );
  ctx.texts.on(renderPresets);
  frame.main.append(
    ctx.text(h('p', { class: 'intro' }), 'tr.setup.intro'),
    h('div', { class: 'setup-grid' }, form.root, h('div', {}, section('presets-box', ctx.text(h('h2'), 'tr.setup.presets'), presetList), h('p', {}, ctx.text(h('a', { href: 'solo', 'data-link': 'solo' }), 'tr.setup.solo')))),
  );
}
