import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { orgCodeCheckChar, usccCheckChar } from '@ccc/domain';
import type { TestApp } from './build-test-app';
import type { TestClient } from './test-client';

/** Shared by the identity suites (auth and enterprises): codes, registration, login, mail reading. */

let ipCounter = 0;
/** A client from its own address, so per-IP limits of one test do not spill into the next. */
export function freshClient(t: TestApp): TestClient {
  const c = t.client();
  ipCounter++;
  c.ip = `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
  return c;
}

/** A valid 9-character organisation code (GB 11714) built from a number. */
export function orgCode9(n: number): string {
  const base = `MA${String(n).padStart(6, '0')}`;
  return base + orgCodeCheckChar(base)!;
}

/** A valid 18-character credit code (GB 32100) that embeds orgCode9(n). */
export function orgCode18(n: number): string {
  const first17 = `91310115${orgCode9(n)}`;
  return first17 + usccCheckChar(first17)!;
}

export const PASSWORD = 'Passw0rd!2026';
export const NEW_PASSWORD = 'N3w-Secret#26';

export function registrationBody(
  n: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    acceptDeclaration: true,
    username: `user${n}`,
    password: PASSWORD,
    confirmPassword: PASSWORD,
    orgCode: orgCode18(n),
    orgNameZh: `上海测试进出口有限公司${n}`,
    orgNameEn: `Shanghai Test Import Co. ${n}`,
    divisionCode: '310115',
    orgAddress: '上海市浦东新区世纪大道100号',
    orgPostcode: '200120',
    orgRemark: '',
    contactName: `张三${n}`,
    mobile: '13800138000',
    email: `user${n}@example.com`,
    phone: '021-12345678',
    fax: '',
    ...overrides,
  };
}

export async function register(t: TestApp, body: Record<string, unknown>) {
  const c = freshClient(t);
  await c.refreshSession();
  return c.post('/api/auth/register', body);
}

/** Registers and expects success. */
export async function registerOk(t: TestApp, body: Record<string, unknown>) {
  const res = await register(t, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ status: string; joinedExisting: boolean; orgNameZh: string }>();
}

/** Logs in from a new client, the way the web app does: session first (CSRF token), then login. */
export async function login(t: TestApp, username: string, password = PASSWORD, client?: TestClient) {
  const c = client ?? freshClient(t);
  await c.refreshSession();
  const res = await c.post('/api/auth/login', { username, password });
  if (res.statusCode === 200) c.csrf = res.json<{ csrfToken: string }>().csrfToken;
  return { c, res };
}

export async function loginOk(t: TestApp, username: string, password = PASSWORD, client?: TestClient) {
  const { c, res } = await login(t, username, password, client);
  expect(res.statusCode, res.body).toBe(200);
  return c;
}

export async function adminClient(t: TestApp, username: string, password: string) {
  return loginOk(t, username, password);
}

export async function userId(t: TestApp, username: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('users')
    .select('id')
    .where('username_key', '=', username.toLowerCase())
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface ReadMail {
  /** When the system queued it (the outbox row's time). */
  createdAt: string;
  to: string;
  subject: string;
  text: string;
  file: string;
}

function decodeQuotedPrintable(s: string): string {
  const joined = s.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const ch = joined[i]!;
    if (ch === '=' && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(ch, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeHeader(v: string): string {
  return v.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

/**
 * Delivers the outbox and reads the .eml files, as a user's mail program would: recipient, subject, text.
 */
export async function readMails(t: TestApp): Promise<ReadMail[]> {
  await t.outbox.flush();
  const dir = path.join(t.config.dataDir, 'mail');
  if (!fs.existsSync(dir)) return [];
  const queued = new Map(
    (await t.database.db.selectFrom('outbox').select(['id', 'created_at']).execute()).map((r) => [
      r.id,
      r.created_at,
    ]),
  );
  const mails = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => {
      const raw = fs.readFileSync(path.join(dir, f), 'utf8');
      const split = raw.indexOf('\n\n');
      const head = raw.slice(0, split).replace(/\n[ \t]+/g, ' ');
      const body = raw.slice(split + 2);
      const header = (name: string) =>
        head
          .split('\n')
          .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))
          ?.slice(name.length + 1)
          .trim() ?? '';
      const qp = /quoted-printable/i.test(header('Content-Transfer-Encoding'));
      return {
        createdAt: queued.get(f.replace(/\.eml$/, '')) ?? '',
        to: header('To'),
        subject: decodeHeader(header('Subject')),
        text: qp ? decodeQuotedPrintable(body) : body,
        file: f,
      };
    });
  return mails.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function mailsTo(t: TestApp, address: string): Promise<ReadMail[]> {
  return (await readMails(t)).filter((m) => m.to.toLowerCase().includes(address.toLowerCase()));
}

export async function auditRows(t: TestApp, action?: string) {
  let q = t.database.db.selectFrom('audit_log').selectAll().orderBy('id');
  if (action) q = q.where('action', '=', action);
  return q.execute();
}
