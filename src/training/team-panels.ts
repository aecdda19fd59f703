// Per team the sandbox's report views (src/ui/views.ts): the four success dimensions, every stakeholder's
// verdict, Moore's public value account, the 2x2 of public values and strategy against luck (the twin).
// Each view stands once per team; the views keep their ids unique themselves.
import { h } from '../ui/dom';
import { mountReportView, type ReportView, type ReportViewKind } from '../ui/views';
import type { TeamResult } from '../session/model-api';
import type { TrainingContext } from './context';

const KINDS: ReportViewKind[] = ['dimensions', 'verdicts', 'account', 'quadrants', 'twin'];

interface TeamViews {
  root: HTMLElement;
  heading: HTMLElement;
  views: ReportView[];
}

export class TeamReports {
  private teams: TeamViews[] = [];

  constructor(
    private readonly ctx: TrainingContext,
    private readonly host: HTMLElement,
  ) {}

  update(names: string[], results: (TeamResult | null)[]): void {
    while (this.teams.length < names.length) {
      const i = this.teams.length;
      const heading = h('h2', { id: `team-${i}-heading`, class: 'team-heading' });
      const grid = h('div', { class: 'result-grid' });
      const root = h('section', { class: 'debrief-team', 'aria-labelledby': heading.id, 'data-team': String(i) }, heading, grid);
      this.host.append(root);
      this.teams.push({ root, heading, views: KINDS.map((kind) => mountReportView(kind, grid, this.ctx.texts)) });
    }
    results.forEach((r, i) => {
      const t = this.teams[i];
      t.heading.textContent = this.ctx.tt('tr.deb.teamDetail', { team: names[i] });
      for (const v of t.views) v.update(r?.report ?? null, r?.luck);
    });
  }
}
