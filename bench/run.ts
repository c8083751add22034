// npm run bench [name…]: runs the benchmarks (all, or those named) on this machine and writes
// docs/benchmarks.md. Each benchmark lives in its own file and returns sections of the report.
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { growthBenchmark } from './growth.bench.js';
import { httpBenchmark } from './http.bench.js';
import { pdfBenchmark } from './pdf.bench.js';
import { type BenchSection, sectionMarkdown } from './report.js';
import { startupBenchmark } from './startup.bench.js';

const BENCHMARKS: { name: string; run: () => Promise<BenchSection[]> }[] = [
  { name: 'http', run: httpBenchmark },
  { name: 'growth', run: growthBenchmark },
  { name: 'startup', run: startupBenchmark },
  { name: 'pdf', run: pdfBenchmark },
];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const only = process.argv.slice(2);
const sections: BenchSection[] = [];
for (const benchmark of BENCHMARKS) {
  if (only.length > 0 && !only.includes(benchmark.name)) continue;
  process.stdout.write(`bench ${benchmark.name}…\n`);
  sections.push(...(await benchmark.run()));
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.versions.node}`;
const markdown = [
  '# Benchmarks',
  '',
  `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${machine}). Figures vary with the machine and`,
  'its load; the ratios measured in the same run are the figures to compare. Not a test: nothing fails when a figure moves.',
  '',
  'To reproduce on a fresh clone: `npm ci && npm run bench` (about seven minutes; it starts its own embedded PostgreSQL',
  'in a temporary folder and needs nothing else; `npm run bench -- http growth startup pdf` runs some and only prints them).',
  '',
  ...sections.map(sectionMarkdown),
].join('\n');
process.stdout.write(`${markdown}\n`);
// A partial run (names given) only prints: the report always holds every benchmark of one run.
if (only.length === 0) {
  writeFileSync(path.join(root, 'docs', 'benchmarks.md'), `${markdown.trimEnd()}\n`);
  process.stdout.write('\nwritten to docs/benchmarks.md\n');
}
