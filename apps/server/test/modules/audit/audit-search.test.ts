import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditListResponse } from '@ccc/domain';
import { exportAudit } from '../../../src/modules/audit/audit-export.service';
import type { ServiceContext } from '../../../src/context';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { adminClient, freshClient, loginOk, orgCode18, orgCode9 } from '../../helpers/identity';
import { decideOk, officer, submittedApplication } from '../../helpers/review';
import { TEST_ADMIN } from '../../helpers/test-config';
import type { TestClient } from '../../helpers/test-client';

/**
 * Hand-made history: organisation 1 (user1) submits application A on 2026-03-02 (China), officer 1 of
 * 上海 accepts and approves it (a certificate is issued); the administrator creates an announcement;
 * organisation 2 (user2) submits application B just after midnight China time on 2026-03-06.
 */
describe(`audit log search ${describeDb}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let ent1: TestClient;
  let off: TestClient;
  let appA: { id: string; number: string };
  let appB: { id: string; number: string };
  let certificateNumber: string;
  let certificateId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    t.clock.set('2026-03-02T02:00:00.000Z'); // 10:00 China time
    const a = await submittedApplication(t, 1);
    appA = a.app;
    off = await officer(t, 1);
    await decideOk(off, appA.id, 'accept');
    const approved = (await decideOk(off, appA.id, 'approve')).json<{ certificate: { number: string } }>();
    certificateNumber = approved.certificate.number;
    const cert = await t.database.db
      .selectFrom('certificates')
      .select('id')
      .where('number', '=', certificateNumber)
      .executeTakeFirstOrThrow();
    certificateId = cert.id;
    admin = await adminClient(t, TEST_ADMIN.username, TEST_ADMIN.password);
    const ann = await admin.post('/api/admin/announcements', { title: '审计测试公告', bodyHtml: '<p>x</p>' });
    expect(ann.statusCode).toBe(201);

    t.clock.set('2026-03-05T16:30:00.000Z'); // 2026-03-06 00:30 China time
    const b = await submittedApplication(t, 2);
    appB = b.app;
    ent1 = await loginOk(t, 'user1'); // the sessions of the first day have expired
    admin = await adminClient(t, TEST_ADMIN.username, TEST_ADMIN.password);
    off = await officer(t, 2);
  });
  afterAll(async () => t.close());

  const search = async (query: Record<string, string | number>, c: TestClient = admin) => {
    const qs = new URLSearchParams(
      Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
    ).toString();
    const res = await c.get(`/api/admin/audit?pageSize=100&${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<AuditListResponse>();
  };
  const actions = (items: AuditEntry[]) => new Set(items.map((i) => i.action));

  it('finds by actor: the exact user name or a prefix, case-insensitive', async () => {
    const exact = await search({ actor: 'user1' });
    expect(exact.total).toBeGreaterThan(0);
    expect(exact.items.every((i) => i.actorUsername === 'user1')).toBe(true);
    expect(actions(exact.items)).toContain('APPLICATION_SUBMITTED');
    expect(exact.items[0]).toMatchObject({ actorRole: 'enterprise' });

    const prefix = await search({ actor: 'USER' });
    expect(new Set(prefix.items.map((i) => i.actorUsername))).toEqual(new Set(['user1', 'user2']));

    const officerRows = await search({ actor: 'officer1' });
    expect(actions(officerRows.items)).toEqual(
      new Set(['LOGIN_SUCCEEDED', 'APPLICATION_ACCEPTED', 'APPLICATION_APPROVED', 'CERTIFICATE_ISSUED']),
    );
    expect(officerRows.items.every((i) => i.actorRole === 'officer')).toBe(true);

    const adminRows = await search({ actor: TEST_ADMIN.username });
    expect(actions(adminRows.items)).toContain('ANNOUNCEMENT_CREATED');
    expect(actions(adminRows.items)).toContain('OFFICER_CREATED');
    expect((await search({ actor: 'nobody' })).total).toBe(0);
    // LIKE wildcards in the text are taken literally.
    expect((await search({ actor: 'user%' })).total).toBe(0);
  });

  it('finds by organisation: its 18- or 9-character code, or part of its name', async () => {
    const org1 = await t.database.db
      .selectFrom('organisations')
      .select(['id', 'code', 'name_zh'])
      .where('name_zh', '=', '上海测试进出口有限公司1')
      .executeTakeFirstOrThrow();
    for (const code of [orgCode18(1), orgCode9(1), orgCode18(1).toLowerCase()]) {
      const res = await search({ organisation: code });
      expect(res.total, code).toBeGreaterThan(0);
      expect(res.items.every((i) => i.organisation?.id === org1.id)).toBe(true);
      expect(res.items[0]!.organisation).toEqual({ id: org1.id, code: org1.code, name: org1.name_zh });
      expect(actions(res.items)).toContain('APPLICATION_SUBMITTED');
      // The officer's decisions are written about the organisation too.
      expect(actions(res.items)).toContain('APPLICATION_APPROVED');
    }
    const byName = await search({ organisation: '测试进出口有限公司2' });
    expect(byName.total).toBeGreaterThan(0);
    expect(byName.items.every((i) => i.organisation?.name === '上海测试进出口有限公司2')).toBe(true);
    const both = await search({ organisation: '上海测试进出口' });
    expect(new Set(both.items.map((i) => i.organisation?.name))).toEqual(
      new Set(['上海测试进出口有限公司1', '上海测试进出口有限公司2']),
    );
  });

  it('finds by bureau code', async () => {
    const res = await search({ bureau: '310000' });
    expect(res.total).toBeGreaterThan(0);
    expect(res.items.every((i) => i.bureau?.code === '310000')).toBe(true);
    expect(res.items[0]!.bureau!.name).toBe('上海市市场监督管理局');
    expect(actions(res.items)).toContain('APPLICATION_ACCEPTED');
    expect((await search({ bureau: '110000' })).total).toBe(0);
  });

  it('finds by 申请编号: the application, its products, attachments and certificates', async () => {
    const res = await search({ application: appA.number.toLowerCase() });
    const got = actions(res.items);
    for (const a of [
      'APPLICATION_CREATED',
      'PRODUCT_ADDED',
      'ATTACHMENT_UPLOADED',
      'APPLICATION_SUBMITTED',
      'APPLICATION_ACCEPTED',
      'APPLICATION_APPROVED',
      'CERTIFICATE_ISSUED',
    ]) {
      expect(got, a).toContain(a);
    }
    for (const i of res.items) {
      expect([appA.id, certificateId]).toContain(i.entityId);
      expect(i.entityLabel).toBe(i.entityType === 'application' ? appA.number : certificateNumber);
    }
    const sub = res.items.find((i) => i.action === 'APPLICATION_SUBMITTED')!;
    expect(sub).toMatchObject({ actionLabel: '提交申请', entityType: 'application', actorUsername: 'user1' });
    expect((await search({ application: appB.number })).items.every((i) => i.entityId === appB.id)).toBe(
      true,
    );
    expect((await search({ application: 'A2026999999999999' })).total).toBe(0);
  });

  it('finds by 证明号 (or the certificate id): rows about that certificate', async () => {
    for (const value of [certificateNumber, certificateNumber.toLowerCase(), certificateId]) {
      const res = await search({ certificate: value });
      expect(res.total, value).toBeGreaterThan(0);
      expect(res.items.every((i) => i.entityType === 'certificate' && i.entityId === certificateId)).toBe(
        true,
      );
      expect(actions(res.items)).toContain('CERTIFICATE_ISSUED');
      expect(res.items[0]!.entityLabel).toBe(certificateNumber);
    }
    expect((await search({ certificate: 'N310026999999' })).total).toBe(0);
    // Both numbers given: only when they belong together.
    expect(
      (await search({ certificate: certificateNumber, application: appA.number })).total,
    ).toBeGreaterThan(0);
    expect((await search({ certificate: certificateNumber, application: appB.number })).total).toBe(0);
  });

  it('finds by action and by object type, and lists the actions with Chinese labels', async () => {
    const res = await search({ action: 'APPLICATION_SUBMITTED' });
    expect(res.items.map((i) => i.entityId).sort()).toEqual([appA.id, appB.id].sort());
    const users = await search({ entityType: 'announcement' });
    expect(users.items.map((i) => i.action)).toEqual(['ANNOUNCEMENT_CREATED']);
    expect(users.items[0]!.entityLabel).toBe('审计测试公告');
    const created = await search({ action: 'OFFICER_CREATED' });
    expect(created.items.map((i) => i.entityLabel).sort()).toEqual(['officer1', 'officer2']);

    const list = await admin.get('/api/admin/audit/actions');
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: { action: string; label: string | null }[] }>().items;
    expect(items).toContainEqual({ action: 'APPLICATION_SUBMITTED', label: '提交申请' });
    expect(items).toContainEqual({ action: 'CERTIFICATE_ISSUED', label: '出具证明' });
    expect(new Set(items.map((i) => i.action)).size).toBe(items.length);
    const distinct = await t.database.db.selectFrom('audit_log').select('action').distinct().execute();
    expect(items).toHaveLength(distinct.length);
  });

  it('finds by China dates, with Asia/Shanghai day boundaries, both ends included', async () => {
    // B was submitted at 2026-03-05T16:30Z, which is 2026-03-06 in China.
    const on6 = await search({ action: 'APPLICATION_SUBMITTED', from: '2026-03-06', to: '2026-03-06' });
    expect(on6.items.map((i) => i.entityId)).toEqual([appB.id]);
    const on5 = await search({ action: 'APPLICATION_SUBMITTED', from: '2026-03-05', to: '2026-03-05' });
    expect(on5.total).toBe(0);
    const until2 = await search({ action: 'APPLICATION_SUBMITTED', to: '2026-03-02' });
    expect(until2.items.map((i) => i.entityId)).toEqual([appA.id]);
    const from3 = await search({ action: 'APPLICATION_SUBMITTED', from: '2026-03-03' });
    expect(from3.items.map((i) => i.entityId)).toEqual([appB.id]);
    const bad = await admin.get('/api/admin/audit?from=2026-02-30');
    expect(bad.statusCode).toBe(400);
  });

  it('pages newest first', async () => {
    const all = await search({ actor: 'user' });
    expect(all.total).toBe(all.items.length);
    const ats = all.items.map((i) => `${i.at}#${String(i.id).padStart(12, '0')}`);
    expect([...ats].sort().reverse()).toEqual(ats);
    const seen: number[] = [];
    for (let page = 1; page <= Math.ceil(all.total / 3); page++) {
      const res = await admin.get(`/api/admin/audit?actor=user&page=${page}&pageSize=3`);
      const body = res.json<AuditListResponse>();
      expect(body).toMatchObject({ total: all.total, page, pageSize: 3 });
      seen.push(...body.items.map((i) => i.id));
    }
    expect(seen).toEqual(all.items.map((i) => i.id));
    const beyond = await admin.get(`/api/admin/audit?actor=user&page=99&pageSize=3`);
    expect(beyond.json<AuditListResponse>().items).toEqual([]);
    expect((await admin.get('/api/admin/audit?pageSize=101')).statusCode).toBe(400);
  });

  const sheetRows = async (payload: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(payload as unknown as ArrayBuffer);
    const rows: string[][] = [];
    const text = (v: unknown): string =>
      typeof v === 'string' ? v : typeof v === 'number' ? String(v) : v == null ? '' : JSON.stringify(v);
    wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(text)));
    return rows;
  };

  it('exports the same search as Excel with Chinese headers', async () => {
    const found = await search({ application: appA.number });
    const res = await admin.get(`/api/admin/audit/export?application=${appA.number}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(
      encodeURIComponent('审计日志_2026-03-06.xlsx'),
    );
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]!.slice(0, 4)).toEqual(['编号', '时间', '操作人', '角色']);
    expect(rows[0]).toContain('变更后');
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual(found.items.map((i) => i.id));
    const submitted = rows.find((r) => r.includes('APPLICATION_SUBMITTED'))!;
    expect(submitted).toEqual(
      expect.arrayContaining([
        'user1',
        '企业用户',
        orgCode18(1),
        '上海测试进出口有限公司1',
        '提交申请',
        appA.number,
      ]),
    );
    const issued = rows.find((r) => r.includes('CERTIFICATE_ISSUED'))!;
    expect(issued).toEqual(
      expect.arrayContaining(['officer1', '审核人员', '上海市市场监督管理局', certificateNumber]),
    );
    expect(submitted[1]).toBe('2026-03-02 10:00');
  });

  it('exports CSV (UTF-8 with BOM), quoting fields and defusing formulas', async () => {
    const res = await admin.get(`/api/admin/audit/export?format=csv&action=APPLICATION_SUBMITTED`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const text = res.rawPayload.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]!.startsWith('编号,时间,操作人,角色,单位代码,单位名称')).toBe(true);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(appB.number);
    expect(lines[2]).toContain(appA.number);
    // JSON holds quotes and commas: the field is quoted, quotes doubled.
    expect(lines[1]).toMatch(/,"\{""/);
  });

  it('caps an export and says so in the file', async () => {
    const ctx: ServiceContext = { ...t.deps, actor: null, ip: null, userAgent: null, locale: 'zh-CN' };
    const read = async (format: 'xlsx' | 'csv') => {
      const chunks: Buffer[] = [];
      for await (const c of exportAudit(ctx, { actor: 'user' }, format, 3))
        chunks.push(Buffer.from(c as Buffer));
      return Buffer.concat(chunks);
    };
    const rows = await sheetRows(await read('xlsx'));
    expect(rows).toHaveLength(5);
    expect(rows[4]![0]).toBe('结果超过 3 条，仅导出最新的 3 条，请缩小查询范围后再导出。');
    const csv = (await read('csv')).toString('utf8').trim().split('\r\n');
    expect(csv).toHaveLength(5);
    expect(csv[4]).toContain('仅导出最新的 3 条');
    // Exactly at the cap: no note.
    const exact = await search({ action: 'APPLICATION_SUBMITTED' });
    expect(exact.total).toBe(2);
    const chunks: Buffer[] = [];
    for await (const c of exportAudit(ctx, { action: 'APPLICATION_SUBMITTED' }, 'csv', 2)) {
      chunks.push(Buffer.from(c as Buffer));
    }
    expect(Buffer.concat(chunks).toString('utf8')).not.toContain('仅导出');
  });

  it('is for the administrator only', async () => {
    const anonymous = freshClient(t);
    await anonymous.refreshSession();
    const before = await t.database.db.selectFrom('audit_log').select('id').execute();
    for (const [client, status] of [
      [anonymous, 401],
      [ent1, 403],
      [off, 403],
    ] as const) {
      for (const url of [
        '/api/admin/audit',
        '/api/admin/audit/actions',
        '/api/admin/audit/export?format=csv',
      ]) {
        const res = await client.get(url);
        expect(res.statusCode, `${url} ${res.body}`).toBe(status);
        expect(res.body).not.toContain('APPLICATION_SUBMITTED');
      }
    }
    const after = await t.database.db.selectFrom('audit_log').select('id').execute();
    expect(after.length).toBe(before.length);
  });

  it('offers no way to change or delete a row, and the database refuses it', async () => {
    const [row] = (await search({ action: 'APPLICATION_SUBMITTED' })).items;
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST'] as const) {
      for (const url of ['/api/admin/audit', `/api/admin/audit/${row!.id}`, '/api/admin/audit/actions']) {
        const res = await admin.request(method, url, method === 'DELETE' ? undefined : { action: 'FORGED' });
        expect([404, 405], `${method} ${url}`).toContain(res.statusCode);
      }
    }
    const db = t.deps.db;
    const stored = () =>
      db.selectFrom('audit_log').selectAll().where('id', '=', row!.id).executeTakeFirstOrThrow();
    const original = await stored();
    await expect(
      db
        .updateTable('audit_log')
        .set({ action: 'FORGED', actor_username: 'x' })
        .where('id', '=', row!.id)
        .execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').where('id', '=', row!.id).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    expect(await stored()).toEqual(original);
    expect((await search({ action: 'APPLICATION_SUBMITTED' })).total).toBe(2);
  });
});
