import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: './.data', ADMIN_USERNAME: 'admin', JWT_TTL: '8h', EMBEDDED_PG_PORT: 54329 });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.jwtTtlSeconds).toBe(8 * 3600);
  });

  it('reads durations', () => {
    expect(loadConfig({ JWT_TTL: '900' }).jwtTtlSeconds).toBe(900);
    expect(loadConfig({ JWT_TTL: '15m' }).jwtTtlSeconds).toBe(900);
    expect(loadConfig({ JWT_TTL: '7d' }).jwtTtlSeconds).toBe(7 * 86400);
  });

  it('names every bad variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short', JWT_TTL: 'forever', PUBLIC_BASE_URL: 'not a url' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ['PORT', 'DATABASE_URL', 'JWT_SECRET', 'JWT_TTL', 'PUBLIC_BASE_URL']) expect(message).toContain(name);
  });
});
