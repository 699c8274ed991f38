// The bench's one table format, shared by run.mjs and the README.

/**
 * Adds `pass` to a figure that has a target: `max` (value ≤ max) and/or `min` (value ≥ min).
 * @param {import('./figures').Figure} figure
 */
export function judge(figure) {
  if (!figure.target) return figure;
  const { max, min } = figure.target;
  // A target with only text (e.g. "minimum 5" beside a figure the issue sets no bound for) is shown, not judged.
  if (max === undefined && min === undefined) return figure;
  const pass = (max === undefined || figure.value <= max) && (min === undefined || figure.value >= min);
  return { ...figure, pass };
}

const number = (value) =>
  Number.isInteger(value)
    ? value.toLocaleString('en-US')
    : value.toLocaleString('en-US', { maximumFractionDigits: 2 });

/**
 * One Markdown table per section: figure, measured, target, ✓/✗ and, unless `notes` is false (the
 * README's summary), how it was measured.
 */
export function formatTable(results, { notes = true } = {}) {
  const parts = [
    `Measured ${results.measuredAt} on ${results.machine.cpus} cores, Node ${results.machine.node}.`,
  ];
  for (const section of results.sections) {
    parts.push(`\n### ${section.title}\n`);
    parts.push(notes ? '| Figure | Measured | Target | | Notes |' : '| Figure | Measured | Target | |');
    parts.push(notes ? '| --- | ---: | --- | :---: | --- |' : '| --- | ---: | --- | :---: |');
    for (const f of section.figures) {
      const measured = `${number(f.value)} ${f.unit}`;
      const target = f.target?.text ?? '';
      const mark = f.pass === undefined ? '' : f.pass ? '✓' : '✗';
      parts.push(`| ${f.name} | ${measured} | ${target} | ${mark} |${notes ? ` ${f.detail ?? ''} |` : ''}`);
    }
  }
  return parts.join('\n');
}
