// /projector?s=<session>#k=<key>: the room's screen, large type and high contrast, readable at 1024x768
// from the back. While a round runs: the join code, QR code and who has decided. After an advance: the
// round's results, one step at a time (the facilitator clicks, or presses the right arrow or space here):
// caseload and work; the success loop and triangles per team (the sandbox's Pixi stage); who calls it a
// success; strategy or luck.
import { h, setText } from '../ui/dom';
import { describeSnapshot } from '../ui/panels/stage-panel';
import { verdictHeadline } from '../ui/panels/verdict-panel';
import { stageLabels } from '../ui/stage-labels';
import type { Stage } from '../ui/stage/index';
import { REVEAL_STEPS } from '../session/rules';
import type { TeamResult } from '../session/model-api';
import type { ProjectorView } from '../session/views';
import type { TrainingContext } from './context';
import { stepName } from './facilitator-page';
import { MessageLine, pageFrame, phaseText, TimerLine } from './parts';
import { WatchedSession } from './watch';
import { teamsSideBySide } from './team-tables';

export function startProjector(ctx: TrainingContext, root: HTMLElement): void {
  const frame = pageFrame(ctx, 'projector', root);
  const watched = new WatchedSession<ProjectorView>(ctx, frame, 'projector', () => render());
  const { session, conn } = watched;

  const phase = h('p', { class: 'phase' });
  const timer = new TimerLine(ctx);
  const message = new MessageLine(ctx);
  const joinBox = h('div', { class: 'proj-join' });
  const stepHeading = h('h2', { class: 'proj-step', tabindex: -1 });
  const stepBody = h('div', { class: 'proj-body' });
  const stageGrid = h('div', { class: 'proj-stages', hidden: true });
  const next = h('button', { type: 'button', class: 'primary', 'data-action': 'next-step' });
  const progress = h('p', { class: 'proj-progress' });
  const revealBox = h(
    'section',
    { class: 'proj-reveal', 'aria-labelledby': 'proj-step-heading', hidden: true },
    h('div', { class: 'proj-step-row' }, stepHeading, progress, next),
    stepBody,
    stageGrid,
    ctx.text(h('p', { class: 'hint' }), 'tr.proj.keys'),
  );
  stepHeading.id = 'proj-step-heading';
  frame.main.append(h('div', { class: 'proj-top' }, phase, timer.root, message.root), joinBox, revealBox);

  const stages: { host: HTMLElement; caption: HTMLElement; stage: Stage | null }[] = [];
  let stageModule: Promise<typeof import('../ui/stage/index')> | null = null;

  const nextStep = () => {
    const view = watched.view;
    if (!view || view.phase !== 'results' || view.revealStep >= REVEAL_STEPS.length - 1) return;
    void conn.request({ t: 'act', action: { type: 'reveal', step: view.revealStep + 1 } }).catch(() => undefined);
  };
  next.addEventListener('click', nextStep);
  document.addEventListener('keydown', (e) => {
    if ((e.key === 'ArrowRight' || e.key === ' ') && !(e.target instanceof HTMLInputElement) && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      nextStep();
    }
  });

  // one team's stage at a time, full width (two columns of loop and triangles fit 1024x768); buttons pick the team
  let shownTeam = 0;
  const teamPicker = h('div', { class: 'proj-team-picker', role: 'group' });
  stageGrid.before(teamPicker);
  // the loop step fills the screen below its heading and no more (1024x768 without scrolling): the
  // stage takes the height left after the caption and the keys' hint
  const fitStage = (st: (typeof stages)[number]) => {
    if (!st.stage) return;
    const below = st.caption.offsetHeight + (revealBox.querySelector<HTMLElement>(':scope > .hint')?.offsetHeight ?? 24) + 28;
    const top = st.host.getBoundingClientRect().top + window.scrollY;
    st.stage.setHeight(Math.max(300, Math.floor(window.innerHeight - top - below)));
  };
  window.addEventListener('resize', () => stages.forEach(fitStage));
  const showStages = (teams: string[], list: (TeamResult | null)[]) => {
    stageModule ??= import('../ui/stage/index');
    while (stages.length < teams.length) {
      const host = h('div', { class: 'proj-stage-host' });
      const caption = h('p', { class: 'proj-stage-caption' });
      // the team's name is the caption (hidden when the picker above names the teams)
      stageGrid.append(h('figure', { class: 'proj-stage', hidden: true }, h('figcaption', { class: teams.length > 1 ? 'proj-team-name visually-hidden' : 'proj-team-name' }, teams[stages.length]), host, caption));
      stages.push({ host, caption, stage: null });
    }
    shownTeam = Math.min(shownTeam, teams.length - 1);
    teamPicker.hidden = teams.length < 2;
    teamPicker.setAttribute('aria-label', ctx.tt('tr.deb.team'));
    teamPicker.replaceChildren(
      ...teams.map((name, i) => {
        const b = h('button', { type: 'button', 'aria-pressed': String(i === shownTeam), 'data-team': String(i) }, name);
        b.addEventListener('click', () => {
          shownTeam = i;
          showStages(teams, list);
        });
        return b;
      }),
    );
    stages.forEach((st, i) => ((st.host.parentElement as HTMLElement).hidden = i !== shownTeam));
    const i = shownTeam;
    void stageModule.then(async ({ createStage }) => {
      const st = stages[i];
      const r = list[i];
      st.stage ??= await createStage(st.host, { reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches, language: ctx.i18n.lang, labels: stageLabels(ctx.i18n) });
      if (r?.snapshot) {
        st.stage.update(r.snapshot, Uint8Array.from(r.sample));
        setText(st.caption, describeSnapshot(ctx.i18n, r.snapshot));
      }
      fitStage(st);
    });
  };

  const render = () => {
    const v = watched.view;
    setText(next, ctx.tt('tr.proj.next'));
    if (!v) return;
    const { i18n } = ctx;
    frame.setTitle(ctx.tt('tr.proj.title', { title: v.info.title }));
    setText(phase, `${phaseText(ctx, v)}${v.pending ? ` · ${ctx.tt('tr.pending')}` : ''}`);
    timer.update(v);
    message.update(v);
    const current = watched.current;
    const showResults = v.phase === 'results' && !v.pending && current !== null;
    joinBox.hidden = showResults;
    revealBox.hidden = !showResults;
    if (!showResults) {
      stageGrid.hidden = true;
      joinBox.replaceChildren(
        h('p', { class: 'proj-join-line' }, ctx.tt('tr.proj.join', { url: `${watched.publicUrl}/join` })),
        h('p', { class: 'join-code', 'data-code': v.info.code ?? '' }, v.info.code ?? ''),
        h('img', { class: 'qr', src: `api/sessions/${encodeURIComponent(session)}/qr.svg`, alt: ctx.tt('tr.fac.qr'), width: 220, height: 220 }),
        h(
          'ul',
          { class: 'proj-decided' },
          ...v.teams.map((t) => {
            const open = t.seats.filter((s) => s.open);
            return h('li', {}, ctx.tt('tr.proj.decided', { team: t.name, n: open.filter((s) => s.decided).length, total: open.length }));
          }),
        ),
      );
      return;
    }
    const list = current!;
    const step = REVEAL_STEPS[v.revealStep];
    setText(stepHeading, stepName(ctx, v.revealStep, v.round));
    setText(progress, `${v.revealStep} / ${REVEAL_STEPS.length - 1}`);
    next.disabled = v.revealStep >= REVEAL_STEPS.length - 1;
    stageGrid.hidden = step !== 'loop';
    teamPicker.hidden = step !== 'loop' || v.info.teams.length < 2;
    revealBox.dataset.step = step;
    if (step === 'waiting') stepBody.replaceChildren();
    else if (step === 'headline') stepBody.replaceChildren(teamsSideBySide(ctx, v.info.teams, list, ['stock', 'toWork', 'composite'], ctx.tt('tr.proj.step.headline')));
    else if (step === 'loop') {
      stepBody.replaceChildren();
      showStages(v.info.teams, list);
    } else if (step === 'audiences') {
      stepBody.replaceChildren(
        ...v.info.teams.map((name, i) => {
          const r = list[i]?.report;
          return h('div', { class: 'proj-verdicts' }, h('h3', {}, name), ...(r ? verdictHeadline(i18n, r).map((line) => h('p', {}, line)) : []));
        }),
      );
    } else {
      stepBody.replaceChildren(
        teamsSideBySide(ctx, v.info.teams, list, ['twin', 'luck'], ctx.tt('tr.proj.step.strategy')),
        ...v.info.teams.map((name, i) => {
          const t = list[i]?.report?.twin;
          const better = t ? [t.stock < t.twinStock, t.toWork > t.twinToWork, t.composite > t.twinComposite].filter(Boolean).length : 0;
          return h('p', { class: 'proj-strategy' }, ctx.tt('tr.proj.strategyLine', { team: name, better }));
        }),
      );
    }
  };
  ctx.texts.on(render);
}
