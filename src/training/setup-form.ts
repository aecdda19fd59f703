// The session set-up form (the server's /training page and the one-screen mode): name, scenario (built in
// or uploaded, validated by the same schema), seed, teams, roles people play, rounds, months per round and
// a round timer. It gives a SessionSetup checked by SessionSetupSchema, or shows what is wrong and where.
import { h, uid } from '../ui/dom';
import { MANAGER_IDS } from '../model/types';
import { MAX_TEAMS, SEED_MAX, SetupShapeSchema, type SessionSetup } from '../session/terms';
import type { TrainingContext } from './context';
import { errorLine, roleName, showError } from './parts';

export interface ScenarioOption {
  id: string;
  title: { nl: string; en: string };
}

export class SetupForm {
  readonly root: HTMLFormElement;
  private custom: unknown = null;
  private teamsBox: HTMLElement;
  private teamInputs: HTMLInputElement[] = [];
  private fields: Record<'title' | 'seed' | 'rounds' | 'months' | 'timer', HTMLInputElement>;
  private scenario: HTMLSelectElement;
  private roles: HTMLInputElement[] = [];
  private error = errorLine();
  private uploadNote = h('p', { class: 'hint', role: 'status' });

  constructor(
    private readonly ctx: TrainingContext,
    scenarios: ScenarioOption[],
    onSubmit: (setup: SessionSetup) => void,
    submitKey: 'tr.setup.create' | 'tr.solo.start' = 'tr.setup.create',
  ) {
    const field = (key: Parameters<TrainingContext['tt']>[0], input: HTMLInputElement | HTMLSelectElement, hint?: Parameters<TrainingContext['tt']>[0]) => {
      const id = input.id || uid('f');
      input.id = id;
      const hintEl = hint ? ctx.text(h('p', { class: 'hint', id: `${id}-hint` }), hint) : null;
      if (hintEl) input.setAttribute('aria-describedby', hintEl.id);
      return h('div', { class: 'field' }, ctx.text(h('label', { for: id }), key), input, hintEl);
    };
    const number = (name: string, min: number, max: number, value: number) => h('input', { type: 'number', name, min, max, step: 1, value, inputmode: 'numeric', 'data-field': name });
    this.fields = {
      title: h('input', { type: 'text', name: 'title', maxlength: 40, 'data-field': 'title' }),
      seed: number('seed', 0, SEED_MAX, Math.floor(Math.random() * 100_000)),
      rounds: number('rounds', 1, 24, 3),
      months: number('months', 1, 24, 12),
      timer: number('timer', 0, 3600, 0),
    };
    this.fields.title.value = ctx.tt('tr.setup.defaultTitle');
    this.scenario = h('select', { name: 'scenario', 'data-field': 'scenario' });
    for (const s of scenarios) this.scenario.append(h('option', { value: s.id }));
    ctx.texts.on(() => {
      for (const [i, s] of scenarios.entries()) this.scenario.options[i].textContent = s.title[ctx.i18n.lang];
    });
    const upload = h('input', { type: 'file', accept: '.json,application/json', 'data-field': 'upload' });
    upload.addEventListener('change', async () => {
      const file = upload.files?.[0];
      this.custom = null;
      if (!file) return;
      try {
        const text = await file.text();
        // a byte-order mark (some Windows editors write one) is not part of the JSON
        const json: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
        this.custom = json;
        const title = (json as { title?: { nl?: string; en?: string } }).title;
        this.uploadNote.textContent = ctx.tt('tr.setup.uploaded', { title: title?.[ctx.i18n.lang] ?? file.name });
      } catch (e) {
        this.uploadNote.textContent = ctx.tt('tr.setup.uploadError', { message: (e as Error).message });
      }
    });
    this.teamsBox = h('div', { class: 'team-names' });
    const add = h('button', { type: 'button', 'data-action': 'add-team' });
    const remove = h('button', { type: 'button', 'data-action': 'remove-team' });
    ctx.text(add, 'tr.setup.addTeam');
    ctx.text(remove, 'tr.setup.removeTeam');
    add.addEventListener('click', () => this.setTeams([...this.teamNames(), ctx.tt('tr.setup.defaultTeam', { n: this.teamInputs.length + 1 })]));
    remove.addEventListener('click', () => this.setTeams(this.teamNames().slice(0, -1)));
    const roleBoxes = MANAGER_IDS.map((id) => {
      const input = h('input', { type: 'checkbox', id: uid('role'), value: id, checked: true, 'data-role': id });
      this.roles.push(input);
      const label = h('label', { for: input.id });
      ctx.texts.on(() => (label.textContent = `${roleName(ctx, id)}: ${ctx.i18n.t(`manager.${id}.long`)}`));
      return h('div', { class: 'check' }, input, label);
    });
    const submit = h('button', { type: 'submit', class: 'primary', 'data-action': 'create' });
    ctx.text(submit, submitKey);
    this.root = h(
      'form',
      { class: 'panel setup-form', novalidate: true },
      field('tr.setup.name', this.fields.title),
      field('tr.setup.scenario', this.scenario),
      field('tr.setup.upload', upload),
      this.uploadNote,
      field('tr.setup.seed', this.fields.seed),
      h('fieldset', {}, ctx.text(h('legend'), 'tr.setup.teams'), this.teamsBox, h('div', { class: 'button-row' }, add, remove)),
      h('fieldset', {}, ctx.text(h('legend'), 'tr.setup.roles'), ...roleBoxes),
      h('div', { class: 'field-grid' }, field('tr.setup.rounds', this.fields.rounds), field('tr.setup.months', this.fields.months)),
      field('tr.setup.timer', this.fields.timer, 'tr.setup.timerHint'),
      h('div', { class: 'button-row' }, submit),
      this.error,
    );
    this.setTeams([ctx.tt('tr.setup.defaultTeam', { n: 1 }), ctx.tt('tr.setup.defaultTeam', { n: 2 })]);
    this.root.addEventListener('submit', (e) => {
      e.preventDefault();
      const setup = this.read();
      if (setup) onSubmit(setup);
    });
  }

  private teamNames(): string[] {
    return this.teamInputs.map((i) => i.value);
  }

  private setTeams(names: string[]): void {
    const list = names.slice(0, MAX_TEAMS);
    if (list.length === 0) list.push(this.ctx.tt('tr.setup.defaultTeam', { n: 1 }));
    this.teamInputs = list.map((name, i) => h('input', { type: 'text', id: uid('team'), value: name, maxlength: 40, 'data-team': String(i) }));
    this.teamsBox.replaceChildren(
      ...this.teamInputs.map((input, i) => h('div', { class: 'field' }, this.ctx.text(h('label', { for: input.id }), 'tr.setup.teamName', { n: i + 1 }), input)),
    );
  }

  /** fill the form from a preset */
  fill(s: SessionSetup): void {
    this.fields.title.value = s.title;
    this.fields.seed.value = String(s.seed);
    this.fields.rounds.value = String(s.rounds);
    this.fields.months.value = String(s.monthsPerRound);
    this.fields.timer.value = String(s.roundSeconds);
    if ('builtin' in s.scenario) this.scenario.value = s.scenario.builtin;
    else this.custom = s.scenario.custom;
    for (const r of this.roles) r.checked = s.roles.includes(r.value as SessionSetup['roles'][number]);
    this.setTeams(s.teams.map((t) => t.name));
  }

  /** the set-up, or null with the problems shown */
  read(): SessionSetup | null {
    const int = (el: HTMLInputElement) => (el.value.trim() === '' ? NaN : Number(el.value));
    const candidate = {
      title: this.fields.title.value,
      scenario: this.custom ? { custom: this.custom } : { builtin: this.scenario.value },
      seed: int(this.fields.seed),
      teams: this.teamNames().map((name) => ({ name })),
      roles: this.roles.filter((r) => r.checked).map((r) => r.value),
      rounds: int(this.fields.rounds),
      monthsPerRound: int(this.fields.months),
      roundSeconds: int(this.fields.timer),
    };
    // the shape is checked here; an uploaded scenario's content by the server (or the one-screen worker)
    const r = SetupShapeSchema.safeParse(candidate);
    if (!r.success) {
      const issues = r.error.issues.map((i) => `$.${i.path.join('.')}: ${i.message}`);
      showError(this.error, this.ctx.tt('tr.setup.invalid', { message: issues.join('; ') }));
      return null;
    }
    showError(this.error, null);
    return r.data as SessionSetup;
  }

  showError(message: string): void {
    showError(this.error, message);
  }
}
