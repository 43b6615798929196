import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applicationStatuses,
  modificationStatuses,
  recordKinds,
  recordStatuses,
  type SessionResponse,
} from '@ccc/domain';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { loginOk } from '../../helpers/identity';
import { TEST_ADMIN } from '../../helpers/test-config';
import { pdfText, squeeze } from '../certificates/helpers';
import { buildDemo, DemoRefusedError, type DemoResult } from '../../../src/demo/demo-builder';
import { accountTable } from '../../../src/demo/demo-output';
import { DEMO_PASSWORD, demoOfficers, demoOrganisations } from '../../../src/demo/demo-people';

/** `npm run demo` builds on a fresh test database: the states, the accounts, the refusal, and consistency. */

describe(`${describeDb} demo data`, () => {
  let t: TestApp;
  let demo: DemoResult;
  let end: Date;

  beforeAll(async () => {
    t = await buildTestApp();
    end = new Date();
    demo = await buildDemo(t.deps, t.clock, { end });
  }, 240_000);
  afterAll(async () => {
    await t.close();
  });

  const db = () => t.database.db;

  it('has applications in every state, under every clause, spread over the months before now', async () => {
    const apps = await db()
      .selectFrom('applications')
      .select(['status', 'clause_code', 'created_at'])
      .execute();
    expect(new Set(apps.map((a) => a.status))).toEqual(new Set(applicationStatuses));
    expect(new Set(apps.map((a) => a.clause_code))).toEqual(new Set(['01', '02', '03', '04', '05', '06']));
    const months = new Set(apps.map((a) => a.created_at.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(6);
    const times = (await db().selectFrom('audit_log').select('at').execute()).map((r) => r.at).sort();
    expect(new Date(times[0]!).getTime()).toBeLessThan(end.getTime() - 200 * 86_400_000);
    expect(new Date(times.at(-1)!).getTime()).toBeLessThanOrEqual(end.getTime());
    expect(demo.applications.map((a) => a.status).sort()).toEqual(apps.map((a) => a.status).sort());
    // The returned and refused cases carry the bureau's reason.
    const reasons = await db()
      .selectFrom('applications')
      .select(['status', 'return_reason', 'refuse_reason'])
      .where('status', 'in', ['returned', 'refused'])
      .execute();
    for (const r of reasons) expect(r.status === 'returned' ? r.return_reason : r.refuse_reason).toBeTruthy();
  });

  it('has original, modified and revoked certificates, one per issued application plus the modified version', async () => {
    const certs = await db().selectFrom('certificates').select(['number', 'version', 'status']).execute();
    const issued = await db()
      .selectFrom('applications')
      .select('certificate_number')
      .where('status', '=', 'issued')
      .execute();
    expect(certs.filter((c) => c.version === 'original')).toHaveLength(issued.length);
    expect(
      certs.some((c) => c.version === 'modified' && c.number.startsWith('M') && c.status === 'valid'),
    ).toBe(true);
    expect(certs.some((c) => c.version === 'original' && c.status === 'superseded')).toBe(true);
    expect(certs.some((c) => c.status === 'revoked')).toBe(true);
  });

  it('has modification requests in every state and records of every kind in every state', async () => {
    const mods = await db().selectFrom('certificate_modifications').select('status').execute();
    expect(new Set(mods.map((m) => m.status))).toEqual(new Set(modificationStatuses));
    const records = await db().selectFrom('usage_records').select(['kind', 'status']).execute();
    const seen = new Set(records.map((r) => `${r.kind}/${r.status}`));
    for (const kind of recordKinds)
      for (const status of recordStatuses) expect(seen).toContain(`${kind}/${status}`);
  });

  it('went through the services: audit rows, mails and attachments are the real ones', async () => {
    const actions = new Set(
      (await db().selectFrom('audit_log').select('action').execute()).map((r) => r.action),
    );
    for (const a of [
      'ORGANISATION_CREATED',
      'OFFICER_CREATED',
      'APPLICATION_SUBMITTED',
      'CERTIFICATE_ISSUED',
      'CERTIFICATE_REVOKED',
      'MODIFICATION_APPROVED',
      'RECORD_VERIFIED',
      'MEMBERSHIP_APPROVED',
    ]) {
      expect(actions).toContain(a);
    }
    const mails = await db().selectFrom('outbox').select('recipient').execute();
    expect(mails.length).toBeGreaterThan(50);
    // The attachments are the generated demo PDFs, stored as uploads are.
    const files = await db().selectFrom('application_attachments').select('file_sha256').execute();
    expect(files.length).toBeGreaterThan(40);
    const pdf = await t.deps.files.read(files[0]!.file_sha256);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(squeeze(pdfText(pdf))).toContain('演示材料');
  });

  it('prints accounts that all log in, each with its role, organisation or bureau', async () => {
    const table = accountTable(demo.accounts);
    expect(table).toContain(DEMO_PASSWORD);
    expect(demo.accounts.filter((a) => a.role === 'officer')).toHaveLength(demoOfficers.length);
    const enterpriseUsers = demoOrganisations.flatMap((o) => o.users);
    expect(demo.accounts.filter((a) => a.role === 'enterprise')).toHaveLength(enterpriseUsers.length);
    expect(new Set(demoOfficers.map((o) => o.bureauCode)).size).toBeGreaterThanOrEqual(3);
    for (const account of demo.accounts) {
      // The template's administrator existed before the demo: its password is not the demo's.
      const password = account.password ?? (account.role === 'admin' ? TEST_ADMIN.password : null);
      expect(password, account.username).not.toBeNull();
      const c = await loginOk(t, account.username, password!);
      const session = (await c.get('/api/auth/session')).json<SessionResponse>();
      expect(session.user?.role).toBe(account.role);
      expect(session.user?.status).toBe(account.status);
      expect(table).toContain(account.username);
    }
    expect(demo.accounts.find((a) => a.status === 'pending')?.role).toBe('enterprise');
  }, 120_000);

  it('renders the PDF of every certificate, with the holder and number it was issued with', async () => {
    const certs = await db()
      .selectFrom('certificates')
      .innerJoin('organisations', 'organisations.id', 'certificates.organisation_id')
      .select(['certificates.number', 'certificates.bureau_code', 'organisations.name_zh'])
      .execute();
    const officers = new Map<string, Awaited<ReturnType<typeof loginOk>>>();
    for (const cert of certs) {
      const officer = demoOfficers.find((o) => o.bureauCode === cert.bureau_code)!;
      let c = officers.get(officer.username);
      if (!c) {
        c = await loginOk(t, officer.username, DEMO_PASSWORD);
        officers.set(officer.username, c);
      }
      const res = await c.get(`/api/certificates/${cert.number}/pdf`);
      expect(res.statusCode, cert.number).toBe(200);
      const text = squeeze(pdfText(res.rawPayload));
      expect(text).toContain(cert.number);
      expect(text).toContain(squeeze(cert.name_zh));
    }
  }, 120_000);

  it('refuses a second run on a database with organisations, changing nothing', async () => {
    const count = async () =>
      Number(
        (
          await db()
            .selectFrom('audit_log')
            .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await expect(buildDemo(t.deps, t.clock)).rejects.toBeInstanceOf(DemoRefusedError);
    expect(await count()).toBe(before);
  });
});
