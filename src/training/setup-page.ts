// /training: the facilitator sets up a session (or starts from a preset) and lands on the console with
// the private facilitator link.
import { h, uid } from '../ui/dom';
import type { SessionSetup } from '../session/terms';
import type { TrainingContext } from './context';
import { postJson } from './net';
import { errorLine, pageFrame, section, showError } from './parts';
import { keepPresetKey, PRESET_KEY_PATTERN, presetKey } from './preset-key';
import { SetupForm, type ScenarioOption } from './setup-form';

interface Preset {
  id: string;
  name: string;
  setup: SessionSetup;
}

export async function startSetup(ctx: TrainingContext, root: HTMLElement): Promise<void> {
  const frame = pageFrame(ctx, 'training', root);
  ctx.texts.on(() => frame.setTitle(ctx.tt('tr.setup.title')));
  const scenarios = (await fetch('api/scenarios').then((r) => r.json())) as ScenarioOption[];
  const form = new SetupForm(ctx, scenarios, async (setup) => {
    try {
      const created = await postJson<{ id: string; secret: string }>('api/sessions', { setup });
      location.href = `facilitator?s=${encodeURIComponent(created.id)}#k=${created.secret}`;
    } catch (e) {
      form.showError(ctx.tt('tr.error', { message: (e as Error).message }));
    }
  });

  // presets: only this facilitator's (by the preset key this browser keeps), each to use or delete
  let presets: Preset[] = [];
  const presetList = h('ul', { class: 'presets' });
  const presetError = errorLine();
  const loadPresets = async () => {
    const key = presetKey();
    presets = key ? ((await fetch('api/presets', { headers: { authorization: `Bearer ${key}` } }).then((r) => (r.ok ? r.json() : []))) as Preset[]) : [];
    renderPresets();
  };
  const renderPresets = () =>
    presetList.replaceChildren(
      ...(presets.length === 0
        ? [h('li', {}, ctx.tt('tr.setup.noPresets'))]
        : presets.map((p) => {
            const use = h('button', { type: 'button', 'data-preset': p.id }, ctx.tt('tr.setup.usePreset', { name: p.name }));
            use.addEventListener('click', () => form.fill(p.setup));
            const del = h('button', { type: 'button', 'data-delete-preset': p.id, 'aria-label': ctx.tt('tr.setup.deletePreset', { name: p.name }) }, '✗');
            del.addEventListener('click', async () => {
              const r = await fetch(`api/presets/${encodeURIComponent(p.id)}`, { method: 'DELETE', headers: { authorization: `Bearer ${presetKey() ?? ''}` } });
              showError(presetError, r.ok ? null : ctx.tt('tr.error', { message: `HTTP ${r.status}` }));
              await loadPresets();
            });
            return h('li', { class: 'preset' }, use, del);
          })),
    );
  const keyId = uid('preset-key');
  const keyInput = h('input', { type: 'text', id: keyId, autocomplete: 'off', spellcheck: 'false', 'data-field': 'preset-key', value: presetKey() ?? '' });
  const keyButton = h('button', { type: 'button', 'data-action': 'preset-key' });
  ctx.text(keyButton, 'tr.setup.presetKeyUse');
  keyButton.addEventListener('click', () => {
    const k = keyInput.value.trim();
    if (!PRESET_KEY_PATTERN.test(k)) return showError(presetError, ctx.tt('tr.setup.presetKeyBad'));
    showError(presetError, null);
    keepPresetKey(k);
    void loadPresets();
  });
  const keyField = h('div', { class: 'field' }, ctx.text(h('label', { for: keyId }), 'tr.setup.presetKey'), keyInput, h('div', { class: 'button-row' }, keyButton));
  ctx.texts.on(renderPresets);
  await loadPresets();
  frame.main.append(
    ctx.text(h('p', { class: 'intro' }), 'tr.setup.intro'),
    h('div', { class: 'setup-grid' }, form.root, h('div', {}, section('presets-box', ctx.text(h('h2'), 'tr.setup.presets'), presetList, presetError, keyField), h('p', {}, ctx.text(h('a', { href: 'solo', 'data-link': 'solo' }), 'tr.setup.solo')))),
  );
}
