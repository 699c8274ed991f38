// What a bench section records. Sections are Playwright files; each calls recordFigures once per
// section with every figure it measured (never an estimate: a figure that could not be measured
// is left out and the section fails).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Figure {
  /** What was measured, in words a reader of the README understands. */
  name: string;
  value: number;
  /** e.g. 'kB gzip', 'ms', '×', 'requests', 'round trips', '%', 'MB'. */
  unit: string;
  /** The target; `text` is shown, `max`/`min` decide ✓/✗. */
  target?: { max?: number; min?: number; text: string };
  /** How it was measured or what it is compared to (e.g. "floor 194 kB", "median of 5"). */
  detail?: string;
}

export interface Section {
  /** Sort key of the section in the table. */
  order: number;
  title: string;
  figures: Figure[];
}

/** Writes one section's figures for bench/run.mjs to sum up. */
export function recordFigures(file: string, section: Section): void {
  const dir = join(process.cwd(), 'bench', '.out');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${file}.json`), JSON.stringify(section, null, 2));
}
