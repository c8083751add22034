import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, MAIN_JS, serve } from './bench-support.js';
import { type BenchSection, median, ms } from './report.js';

const RUNS = 3;

interface Start {
  healthMs: number;
  stopMs: number;
}

/** `node dist/apps/api/src/main.js` on the embedded default, from spawn to the first `GET /api/health` = 200, then SIGTERM to exit. */
async function startOnce(dataDir: string): Promise<Start> {
  const server = await serve(MAIN_JS, { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) });
  const stopping = performance.now();
  await server.stop();
  return { healthMs: server.startedInMs, stopMs: performance.now() - stopping };
}

/** Start-up of the embedded default: cold (an empty DATA_DIR: initdb, migrations, first admin) and warm. */
export async function startupBenchmark(): Promise<BenchSection[]> {
  const cold: Start[] = [];
  const warm: Start[] = [];
  const dirs: string[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const dir = await mkdtemp(path.join(tmpdir(), 'thi-dua-start-'));
      dirs.push(dir);
      cold.push(await startOnce(dir));
    }
    for (let i = 0; i < RUNS; i++) warm.push(await startOnce(dirs[0]));
  } finally {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
  const row = (label: string, runs: Start[]) => [
    label,
    ms(median(runs.map((r) => r.healthMs))),
    `${ms(Math.min(...runs.map((r) => r.healthMs)))} – ${ms(Math.max(...runs.map((r) => r.healthMs)))}`,
    ms(median(runs.map((r) => r.stopMs))),
  ];
  return [
    {
      title: 'Start-up of the embedded default',
      intro: [
        `\`node dist/apps/api/src/main.js\` with no DATABASE_URL, from the spawn of the process to the first 200 of \`GET /api/health\` (polled every 10 ms), ${RUNS} runs each. ` +
          'Cold: an empty DATA_DIR (initdb, create the database, run every migration, create the first admin). Warm: the same DATA_DIR again. ' +
          'Stop: from SIGTERM to the exit of the process, PostgreSQL stopped.',
      ],
      columns: ['start', 'median to health 200', 'range', 'median stop'],
      rows: [row('cold (empty DATA_DIR)', cold), row('warm', warm)],
    },
  ];
}
