/** One section of docs/benchmarks.md: what was measured, a table, and how to read it. */
export interface BenchSection {
  title: string;
  /** Markdown paragraphs above the table: what is measured and how. */
  intro: string[];
  columns: string[];
  rows: (string | number)[][];
  /** Markdown paragraphs below the table. */
  notes?: string[];
}

export function sectionMarkdown(section: BenchSection): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [
    `## ${section.title}`,
    '',
    ...section.intro.flatMap((p) => [p, '']),
    line(section.columns),
    line(section.columns.map(() => '---')),
    ...section.rows.map(line),
    '',
    ...(section.notes ?? []).flatMap((p) => [p, '']),
  ].join('\n');
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const mb = (value: number) => `${value.toFixed(0)} MB`;
export const ratio = (slow: number, fast: number) => `${(slow / fast).toFixed(1)}×`;
