import http from 'node:http';
import type { Response } from 'supertest';
import type { TestApp } from '../../support/test-app.js';

/** Sends a prepared request: any JSON value as the body, or raw bytes (JSON content type unless given). */
export async function send(
  t: TestApp,
  req: { method: string; url: string; body?: unknown; raw?: Buffer | string; contentType?: string },
  headers: Record<string, string>,
): Promise<Response> {
  const method = req.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  const r = t.http[method](req.url).set(headers);
  const raw = req.raw ?? (req.body === undefined ? undefined : JSON.stringify(req.body));
  if (raw === undefined) return r;
  return r.set('content-type', req.contentType ?? 'application/json').send(raw);
}

/** The error shape of API.md. */
export function hasErrorShape(body: unknown): boolean {
  if (body === null || typeof body !== 'object') return false;
  const b = body as Record<string, unknown>;
  const message = b.message;
  return (
    typeof b.statusCode === 'number' &&
    typeof b.error === 'string' &&
    (typeof message === 'string' || (Array.isArray(message) && message.every((m) => typeof m === 'string')))
  );
}

export interface RawResponse {
  status: number;
  body: unknown;
}

/**
 * A keep-alive HTTP/1.1 client over real sockets, for many requests in a row: the path goes out
 * byte for byte as given (no URL normalisation, unlike fetch), any method may carry a body.
 */
export class KeepAliveClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  constructor(private readonly port: number) {}

  async request(req: { method: string; url: string; body?: unknown; raw?: Buffer | string; contentType?: string }, headers: Record<string, string>): Promise<RawResponse> {
    try {
      return await this.once(req, headers);
    } catch (error) {
      // The pooled socket was closed by the server after its last answer (e.g. a 413 or 431
      // answered with `Connection: close`): nothing reached the server, send again.
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') throw error;
      return this.once(req, headers);
    }
  }

  private once(req: { method: string; url: string; body?: unknown; raw?: Buffer | string; contentType?: string }, headers: Record<string, string>): Promise<RawResponse> {
    const raw = req.raw ?? (req.body === undefined ? undefined : JSON.stringify(req.body));
    const payload = raw === undefined ? undefined : Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8');
    return new Promise((resolve, reject) => {
      const r = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          method: req.method,
          path: req.url,
          agent: this.agent,
          headers: {
            ...headers,
            ...(payload ? { 'content-type': req.contentType ?? 'application/json', 'content-length': String(payload.length) } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown = text;
            if ((res.headers['content-type'] ?? '').includes('json')) {
              try {
                body = JSON.parse(text);
              } catch {
                body = text;
              }
            }
            resolve({ status: res.statusCode ?? 0, body });
          });
          res.on('error', reject);
        },
      );
      r.on('error', reject);
      r.setTimeout(30_000, () => r.destroy(new Error('no answer within 30 s')));
      r.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
