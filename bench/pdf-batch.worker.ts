// One certificate batch in a fresh process, so that its peak memory is its own:
//   node dist/bench/pdf-batch.worker.js <parsed-once|path-streamed|path-buffered> <count>
// Prints one JSON line: { ms, cpuMs, peakRssMb, bytes }.
import { Writable } from 'node:stream';
import { loadTinosFonts, streamCertificates, tinosFontPaths } from '#app/documents';
import { sampleCertificate } from './pdf-samples.js';

const [mode, countArg] = process.argv.slice(2);
const count = Number(countArg);
if (!['parsed-once', 'path-streamed', 'path-buffered'].includes(mode) || !(count > 0)) {
  process.stderr.write('usage: pdf-batch.worker.js <parsed-once|path-streamed|path-buffered> <count>\n');
  process.exit(2);
}

/** Stands for the HTTP response: takes the bytes and drops them (or, buffered, keeps them all). */
class Sink extends Writable {
  bytes = 0;
  readonly kept: Buffer[] = [];
  constructor(private readonly keep: boolean) {
    super();
  }
  override _write(chunk: Buffer, _: BufferEncoding, done: () => void): void {
    this.bytes += chunk.length;
    if (this.keep) this.kept.push(chunk);
    done();
  }
}

function* certificates() {
  for (let i = 0; i < count; i++) yield sampleCertificate(i);
}

const started = performance.now();
const fonts = mode === 'parsed-once' ? loadTinosFonts() : tinosFontPaths();
const sink = new Sink(mode === 'path-buffered');
await streamCertificates(fonts, { key: `bench:${count}`, date: new Date('2024-01-15T00:00:00Z'), title: 'Bằng khen' }, certificates(), sink);
// The naive way sends the PDF once it is whole: one Buffer of every page.
const whole = mode === 'path-buffered' ? Buffer.concat(sink.kept).length : sink.bytes;
const ms = performance.now() - started;
const usage = process.resourceUsage();
const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
process.stdout.write(`${JSON.stringify({ ms, cpuMs, peakRssMb: usage.maxRSS / 1024, bytes: whole })}\n`);
