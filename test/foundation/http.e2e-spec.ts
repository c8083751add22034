import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Account, TestApp } from '../support/test-app.js';

describe('HTTP basics', () => {
  let t: TestApp;
  let admin: Account;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.admin();
  });
  afterAll(() => t.close());

  it('answers health without a token, with security headers', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
  });

  it('refuses a body over 1 MB with 413 in the error shape', async () => {
    const res = await t.http
      .post('/api/organizations')
      .set(admin.auth)
      .set('content-type', 'application/json')
      .send(JSON.stringify({ name: 'x'.repeat(1_100_000) }))
      .expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it('answers malformed JSON and a non-object body with 400', async () => {
    await t.http.post('/api/organizations').set(admin.auth).set('content-type', 'application/json').send('{"name":').expect(400);
    await t.http.post('/api/organizations').set(admin.auth).set('content-type', 'application/json').send('[1,2]').expect(400);
  });

  it('serves the OpenAPI document with full paths and Swagger UI', async () => {
    const doc = await t.http.get('/api/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/organizations', '/api/users/{id}']));
    const ui = await t.http.get('/api/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    const res = await t.http.get('/api/nothing-here').set(admin.auth).expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });
});
