// Gauges of the balancing loops (B1 rising aspirations, B2 harder clients left, B3 budget ceiling,
// B5 scandal hazard), under the ring. Their tags match the pistons pressing on the loop's arrows.
import { BitmapText, Container, Graphics, Text } from 'pixi.js';
import type { LoopSnapshot } from '../../model/types';
import { gridCells, gaugeRowHeight, type Rect } from './layout';
import { BALANCING, BALANCING_KEYS } from './loopGeometry';
import { PALETTE } from './palette';
import type { SharedShapes } from './shapes';
import { MIN_TEXT_PX, fitWidth, label, numbers, setFontSize } from './text';
import { VectorTween } from './tween';
import { formatPercent, type StageLanguage } from './format';
import type { StageInk, StageLabels, StagePart } from './types';
import { textInk } from './inks';

export class GaugesView {
  readonly root = new Container();
  private readonly frames = new Graphics();
  private readonly bars: Graphics[] = [];
  private readonly tags: Text[] = [];
  private readonly names: Text[] = [];
  private readonly values: BitmapText[] = [];
  private readonly tween = new VectorTween(BALANCING_KEYS.length);
  private barWidth = 0;
  private language: StageLanguage = 'en';
  private cells: Rect[] = [];
  private fontSize = 12;

  constructor(shapes: SharedShapes, fontName: string) {
    this.root.addChild(this.frames);
    for (let k = 0; k < BALANCING_KEYS.length; k++) {
      const bar = new Graphics(shapes.unitBar);
      bar.tint = PALETTE.balancing;
      const tag = label(12, { weight: '700', fill: PALETTE.balancingText });
      tag.text = BALANCING[BALANCING_KEYS[k]].tag;
      const name = label(12);
      const value = numbers(fontName, 12, PALETTE.textMuted);
      this.bars.push(bar);
      this.tags.push(tag);
      this.names.push(name);
      this.values.push(value);
      this.root.addChild(bar, tag, name, value);
    }
  }

  layout(strip: Rect, columns: number, fontSize: number): void {
    this.fontSize = fontSize;
    const rowH = gaugeRowHeight(fontSize);
    const gap = Math.round(fontSize * 0.8);
    this.cells = gridCells({ ...strip, height: rowH * (4 / columns) }, 4, columns, 0).map((c) => ({
      x: c.x + (c.x > strip.x ? gap / 2 : 0),
      y: c.y,
      width: c.width - gap / 2,
      height: c.height,
    }));
    this.frames.clear();
    const valueW = fontSize * 3;
    this.barWidth = 0;
    for (let k = 0; k < BALANCING_KEYS.length; k++) {
      const c = this.cells[k];
      const line = Math.round(fontSize * 1.35);
      setFontSize(this.tags[k], fontSize);
      setFontSize(this.names[k], fontSize);
      setFontSize(this.values[k], fontSize);
      this.tags[k].position.set(c.x, c.y + 4);
      this.names[k].position.set(c.x + this.tags[k].width + fontSize * 0.4, c.y + 4);
      const barY = c.y + 4 + line + fontSize * 0.55;
      const barH = Math.max(6, Math.round(fontSize * 0.65));
      const barW = Math.max(10, c.width - valueW);
      this.barWidth = barW;
      this.frames.roundRect(c.x, barY - barH / 2, barW, barH, barH / 2).fill(PALETTE.grid);
      this.bars[k].position.set(c.x, barY);
      this.bars[k].scale.y = barH;
      this.values[k].position.set(c.x + barW + fontSize * 0.4, barY - fontSize * 0.6);
    }
    this.fitNames();
    this.apply();
  }

  setLabels(labels: StageLabels, language: StageLanguage): void {
    this.language = language;
    BALANCING_KEYS.forEach((key, k) => (this.names[k].text = labels.balancing[key]));
    this.fitNames();
    this.writeValues();
  }

  setMonth(balancing: LoopSnapshot['balancing'], nowMs: number, durationMs: number): void {
    BALANCING_KEYS.forEach((key, k) => (this.tween.to[k] = balancing[key]));
    this.tween.arrive(nowMs, durationMs);
    this.writeValues();
    this.apply();
  }

  tick(nowMs: number, motion: boolean): boolean {
    if (!this.tween.step(nowMs, motion)) return false;
    this.apply();
    return true;
  }

  reset(): void {
    this.tween.clear();
    for (const v of this.values) v.text = '';
    this.apply();
  }

  parts(): StagePart[] {
    return this.cells.map((c, k) => ({ kind: 'gauge' as const, key: BALANCING_KEYS[k], x: c.x, y: c.y, width: c.width, height: c.height }));
  }

  inks(out: StageInk[]): void {
    BALANCING_KEYS.forEach((key, k) => {
      out.push(textInk(`gauge tag ${key}`, this.tags[k], PALETTE.balancingText));
      out.push(textInk(`gauge name ${key}`, this.names[k], PALETTE.text));
      if (this.values[k].text) out.push(textInk(`gauge value ${key}`, this.values[k], PALETTE.textMuted));
    });
  }

  private fitNames(): void {
    for (let k = 0; k < this.names.length && k < this.cells.length; k++) {
      const c = this.cells[k];
      // never below MIN_TEXT_PX: the layout gives each gauge a row of its own before that happens
      fitWidth(this.names[k], c.width - this.tags[k].width - this.fontSize * 0.4, MIN_TEXT_PX / this.fontSize);
    }
  }

  private writeValues(): void {
    if (!this.tween.hasData) return;
    for (let k = 0; k < BALANCING_KEYS.length; k++) this.values[k].text = formatPercent(this.tween.to[k], this.language);
  }

  private apply(): void {
    for (let k = 0; k < BALANCING_KEYS.length; k++) {
      const p = Math.max(0, Math.min(1, this.tween.value[k]));
      this.bars[k].scale.x = Math.max(0.01, p * this.barWidth);
    }
  }
}
