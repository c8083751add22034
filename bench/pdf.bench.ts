import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FontSet, loadTinosFonts, renderCertificate, tinosFontPaths } from '#app/documents';
import { type BenchSection, mb, median, ms, percentile, ratio } from './report.js';
import { sampleCertificate } from './pdf-samples.js';

const BATCH = 1000;
const worker = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pdf-batch.worker.js');

/** Wall-clock and CPU milliseconds of each render (CPU time is less disturbed by other processes). */
async function timeCertificates(fonts: FontSet, warmup: number, runs: number): Promise<{ wall: number[]; cpu: number[] }> {
  for (let i = 0; i < warmup; i++) await renderCertificate(fonts, sampleCertificate(i));
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    await renderCertificate(fonts, sampleCertificate(i));
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

interface BatchRun {
  ms: number;
  cpuMs: number;
  peakRssMb: number;
  bytes: number;
}

function batchOnce(mode: string): BatchRun {
  const out = execFileSync(process.execPath, [worker, mode, String(BATCH)], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as BatchRun;
}

/** Each variant three times, interleaved so that a burst of load elsewhere hits them alike; medians, and the highest peak. */
function batches(modes: string[]): Map<string, BatchRun> {
  const runs = new Map<string, BatchRun[]>(modes.map((m) => [m, []]));
  for (let round = 0; round < 3; round++) for (const mode of modes) runs.get(mode)!.push(batchOnce(mode));
  return new Map(
    [...runs].map(([mode, list]) => [
      mode,
      { ms: median(list.map((r) => r.ms)), cpuMs: median(list.map((r) => r.cpuMs)), peakRssMb: Math.max(...list.map((r) => r.peakRssMb)), bytes: list[0].bytes },
    ]),
  );
}

/** Certificates: one at a time warm in one process, and a 1,000-page batch, each beside the naive way. */
export async function pdfBenchmark(): Promise<BenchSection[]> {
  const loadStarted = performance.now();
  const parsed = loadTinosFonts();
  const loadMs = performance.now() - loadStarted;
  const fast = await timeCertificates(parsed, 30, 300);
  const naive = await timeCertificates(tinosFontPaths(), 5, 60);
  const load = loadavg()[0];

  const runs = batches(['parsed-once', 'path-streamed', 'path-buffered']);
  const once = runs.get('parsed-once')!;
  const pathStreamed = runs.get('path-streamed')!;
  const buffered = runs.get('path-buffered')!;

  return [
    {
      title: 'PDF: one award certificate',
      intro: [
        'Time to render one landscape certificate (`renderCertificate`, the code behind `GET /api/awards/:id/certificate.pdf`), warm, in one process:',
        `${fast.wall.length} renders with the Tinos faces parsed once at start-up (fontkit objects shared by every document), then ${naive.wall.length} renders of the same certificates with the faces given as file paths, which pdfkit parses again for every document. Parsing the four faces once at start-up took ${ms(loadMs)}. Load average when the run started: ${load.toFixed(1)} (on ${cpus().length} cores).`,
      ],
      columns: ['fonts', 'median', 'p95', 'median CPU time', 'naive ÷ this (median)', 'aim'],
      rows: [
        ['parsed once (this implementation)', ms(median(fast.wall)), ms(percentile(fast.wall, 95)), ms(median(fast.cpu)), '1.0×', '≤ 15 ms'],
        ['file paths (naive)', ms(median(naive.wall)), ms(percentile(naive.wall, 95)), ms(median(naive.cpu)), ratio(median(naive.wall), median(fast.wall)), ''],
      ],
    },
    {
      title: `PDF: ${BATCH.toLocaleString('en')} certificates in one document`,
      intro: [
        `One PDF of ${BATCH.toLocaleString('en')} certificates (\`streamCertificates\`, behind \`GET /api/awards/certificates.pdf\`), each variant in a fresh Node process so that its peak resident memory (\`maxRSS\`, including Node itself, about 90 MB before the first page) is its own; three runs of each, interleaved, medians shown. Time includes parsing the fonts; CPU time is that of the process (one core at most: rendering is synchronous).`,
      ],
      columns: ['variant', 'time', 'CPU time', 'peak RSS', 'PDF size', 'CPU ÷ this', 'memory ÷ this', 'aim'],
      rows: [
        ['fonts parsed once, written page by page (this implementation)', ms(once.ms), ms(once.cpuMs), mb(once.peakRssMb), mb(once.bytes / 2 ** 20), '1.0×', '1.0×', '< 5 s, < 300 MB'],
        ['fonts as file paths, written page by page', ms(pathStreamed.ms), ms(pathStreamed.cpuMs), mb(pathStreamed.peakRssMb), mb(pathStreamed.bytes / 2 ** 20), ratio(pathStreamed.cpuMs, once.cpuMs), ratio(pathStreamed.peakRssMb, once.peakRssMb), ''],
        ['fonts as file paths, whole PDF buffered before sending (naive)', ms(buffered.ms), ms(buffered.cpuMs), mb(buffered.peakRssMb), mb(buffered.bytes / 2 ** 20), ratio(buffered.cpuMs, once.cpuMs), ratio(buffered.peakRssMb, once.peakRssMb), ''],
      ],
      notes: [
        'In one document pdfkit parses a font given as a path only once, so the batch time barely depends on how the fonts are given; what matters there is writing each page out as soon as it is drawn, waiting for the reader (backpressure), so that memory stays flat whatever the count. Every face is embedded once for the whole batch.',
      ],
    },
  ];
}
