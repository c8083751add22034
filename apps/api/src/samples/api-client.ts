import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Calls the application's HTTP API in process (Fastify inject): what a client does, without a socket. */
export class ApiClient {
  constructor(private readonly app: NestFastifyApplication) {}

  async login(username: string, password: string): Promise<string> {
    return (await this.call<{ accessToken: string }>('POST', '/api/auth/login', null, { username, password })).accessToken;
  }

  async call<T>(method: 'GET' | 'POST' | 'PUT', url: string, token: string | null, body?: object): Promise<T> {
    const res = await this.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method, url, headers: token ? { authorization: `Bearer ${token}` } : {}, payload: body });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as T;
  }

  async bytes(url: string, token: string): Promise<Buffer> {
    const res = await this.app.getHttpAdapter().getInstance().inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`);
    return res.rawPayload;
  }
}
