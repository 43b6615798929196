import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config';
import { describeDb } from '../../helpers/build-test-app';

describe(`configuration ${describeDb}`, () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.publicUrl).toBe('http://127.0.0.1:3000');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.adminUsername).toBe('admin');
    expect(c.captcha).toBe(true);
    expect(c.secureCookies).toBe(false);
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });

  it('refuses a weak ADMIN_PASSWORD at start-up', () => {
    expect(() => loadConfig({ ADMIN_PASSWORD: 'password' })).toThrow(/ADMIN_PASSWORD/);
    expect(() => loadConfig({ ADMIN_PASSWORD: 'Strong-Pass-1' })).not.toThrow();
  });

  it('refuses a DATABASE_URL that is not PostgreSQL and a bad CAPTCHA value', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ CAPTCHA: 'maybe' })).toThrow(/CAPTCHA/);
  });

  it('makes cookies Secure behind an https PUBLIC_URL', () => {
    const c = loadConfig({ PUBLIC_URL: 'https://ccc.example.gov.cn/' });
    expect(c.secureCookies).toBe(true);
    expect(c.publicUrl).toBe('https://ccc.example.gov.cn');
  });
});
