import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, describeDb, testDb, type TestApp } from '../../helpers/build-test-app';

describe(`health and API docs ${describeDb}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t.close());

  it('reports ok and which database it runs on', async () => {
    const res = await t.client().get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: testDb });
  });

  it('serves the OpenAPI document and the browsable docs', async () => {
    const doc = await t.client().get('/api/openapi.json');
    expect(doc.statusCode).toBe(200);
    expect(doc.json().openapi).toBe('3.0.3');
    expect(Object.keys(doc.json().paths)).toContain('/api/health');
    const ui = await t.client().get('/api/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('answers unknown API paths with the error envelope', async () => {
    const res = await t.client().get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: '未找到该记录', fields: [] });
  });

  it('sends security headers without HSTS on plain http', async () => {
    const res = await t.client().get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(String(res.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(String(res.headers['content-security-policy'])).toContain("frame-src 'self' blob:");
    expect(res.headers['x-powered-by']).toBeUndefined();
    // errors and the web app's pages carry them too
    for (const path of ['/api/nothing-here', '/']) {
      const other = await t.client().get(path);
      expect(other.headers['x-content-type-options'], path).toBe('nosniff');
      expect(other.headers['content-security-policy'], path).toBe(res.headers['content-security-policy']);
    }
  });
});
