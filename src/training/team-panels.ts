// Per team the sandbox's report panels (src/ui/panels): the four success dimensions, every stakeholder's
// verdict, Moore's public value account, the 2x2 of public values and strategy against luck (the twin).
// Each panel stands once per team, its ids made unique.
import { h } from '../ui/dom';
import { AccountPanel } from '../ui/panels/account-panel';
import { DimensionPanel } from '../ui/panels/dimension-panel';
import { QuadrantPanel } from '../ui/panels/quadrant-panel';
import { TwinPanel } from '../ui/panels/twin-panel';
import { VerdictPanel } from '../ui/panels/verdict-panel';
import type { TeamResult } from '../session/model-api';
import type { TrainingContext } from './context';
import { suffixIds } from './parts';

interface Panels {
  root: HTMLElement;
  heading: HTMLElement;
  account: AccountPanel;
  quadrant: QuadrantPanel;
  dimension: DimensionPanel;
  verdict: VerdictPanel;
  twin: TwinPanel;
}

export class TeamReports {
  private panels: Panels[] = [];

  constructor(
    private readonly ctx: TrainingContext,
    private readonly host: HTMLElement,
  ) {}

  update(names: string[], results: (TeamResult | null)[]): void {
    const { texts } = this.ctx;
    while (this.panels.length < names.length) {
      const i = this.panels.length;
      const p = { account: new AccountPanel(texts), quadrant: new QuadrantPanel(texts), dimension: new DimensionPanel(texts), verdict: new VerdictPanel(texts), twin: new TwinPanel(texts) };
      const heading = h('h2', { id: `team-${i}-heading`, class: 'team-heading' });
      const roots = [p.dimension.root, p.verdict.root, p.account.root, p.quadrant.root, p.twin.root].map((r) => suffixIds(r, `t${i}`));
      const root = h('section', { class: 'debrief-team', 'aria-labelledby': heading.id, 'data-team': String(i) }, heading, h('div', { class: 'result-grid' }, ...roots));
      this.host.append(root);
      this.panels.push({ root, heading, ...p });
    }
    results.forEach((r, i) => {
      const p = this.panels[i];
      p.heading.textContent = this.ctx.tt('tr.deb.teamDetail', { team: names[i] });
      const report = r?.report ?? null;
      p.account.update(report);
      p.quadrant.update(report);
      p.dimension.update(report);
      p.verdict.update(report);
      p.twin.update(report, r?.luck);
    });
  }
}
