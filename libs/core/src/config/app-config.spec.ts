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
    expect(loadConfig({}).loginFailureWindowSeconds).toBe(900);
  });

  it('trusts no proxy unless told, so that a client cannot choose its own address', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, loopback' }).trustProxy).toBe('10.0.0.0/8, loopback');
    expect(() => loadConfig({ TRUST_PROXY: 'any;thing' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ LOGIN_FAILURES_PER_ACCOUNT: '0' })).toThrow(/LOGIN_FAILURES_PER_ACCOUNT/);
  });

  it('limits verification requests per address, 60 a minute unless told', () => {
    expect(loadConfig({}).VERIFY_REQUESTS_PER_MINUTE).toBe(60);
    expect(loadConfig({ VERIFY_REQUESTS_PER_MINUTE: '10' }).VERIFY_REQUESTS_PER_MINUTE).toBe(10);
    expect(() => loadConfig({ VERIFY_REQUESTS_PER_MINUTE: '0' })).toThrow(/VERIFY_REQUESTS_PER_MINUTE/);
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
