import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, createOfficer, issuedCertificate, registerEnterprise } from './helpers/api';
import { launchBrowser, snap } from './helpers/browser';
import { E2E_ADMIN, startServer, type RunningServer } from './helpers/server';

/**
 * Issue 6 in Chromium: the administrator imports an HS-code CSV (a file with an error row is refused, a
 * valid one previewed and applied, the new code then offered to enterprises), finds an organisation and its
 * users, disables and re-enables a user, searches the audit log, and opens the statistics with their charts;
 * an officer sees the statistics of the own bureau. Creating an officer and publishing an announcement with
 * an attachment are driven in admin.spec.ts.
 */

const ENTERPRISE = {
  username: 'stats_importer',
  password: 'Stats-Import-2026',
  orgNameZh: '深圳统计示范进口有限公司',
  email: 'stats@example.com',
};
const OFFICER = { username: 'gd_statistics', password: 'Stats-Review-2026' };
const NEW_CODE = '8501109999';
const HEADER = 'HS编码,商品名称,第一计量单位代码,第一计量单位,第二计量单位代码,第二计量单位,监管条件,备注';

function spaced(text: string): RegExp {
  const body = [...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*');
  return new RegExp(`(^|\\s)${body}$`);
}
const button = (scope: Page | Locator, text: string) => scope.getByRole('button', { name: spaced(text) });

async function confirmPopup(page: Page): Promise<void> {
  await button(page.locator('.ant-popconfirm:not(.ant-popover-hidden)').last(), '确定').click();
}

function csvFile(name: string, lines: string[]): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ccc-e2e-')), name);
  fs.writeFileSync(file, `\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`);
  return file;
}

describe('administration and statistics in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let admin: Page;
  let applicationNumber = '';
  const pageErrors: string[] = [];

  function watch(page: Page, who: string) {
    page.on('pageerror', (e) => pageErrors.push(`${who}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
        pageErrors.push(`${who}: ${m.text()}`);
    });
  }

  beforeAll(async () => {
    server = await startServer();
    await createOfficer(server.url, E2E_ADMIN, {
      ...OFFICER,
      bureauCode: '440000',
      contactName: '陈统计',
      email: 'gd.statistics@example.com',
    });
    await registerEnterprise(server.url, ENTERPRISE);
    applicationNumber = (await issuedCertificate(server.url, ENTERPRISE, OFFICER)).applicationNumber;
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(10_000);
    admin = await context.newPage();
    watch(admin, 'admin');
  });
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    const slug = task.name.replace(/[^\w\u4e00-\u9fff]+/g, '-').slice(0, 60);
    if (admin && !admin.isClosed()) await snap(admin, `failed-administration-${slug}`).catch(() => {});
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the administrator logs in and finds the console grouped by task', async () => {
    await admin.goto(server.url);
    await admin.getByLabel('用户名', { exact: true }).fill(E2E_ADMIN.username);
    await admin.getByLabel('密码', { exact: true }).fill(E2E_ADMIN.password);
    await button(admin, '登录').click();
    await admin.getByRole('link', { name: '基础数据' }).waitFor();
    for (const heading of ['用户与单位', '信息发布', '基础配置', '监督与统计'])
      await admin.getByText(heading, { exact: true }).waitFor();
  });

  it('refuses an HS-code file with an error row, and writes nothing', async () => {
    await admin.getByRole('link', { name: '基础数据' }).click();
    await admin.getByText('HS编码').first().waitFor();
    await button(admin, '导入').click();
    const dialog = admin.getByRole('dialog');
    await dialog
      .locator('input[type=file]')
      .setInputFiles(
        csvFile('hs-bad.csv', [`${NEW_CODE},测试用微电机,001,台,,,,`, '85011,位数不对的编码,001,台,,,,']),
      );
    await button(dialog, '上传并预览').click();
    await dialog.getByText('有 1 行错误，不能应用。请修改文件后重新上传。').waitFor();
    expect(await button(dialog, '应用导入').isDisabled()).toBe(true);
    await snap(admin, 'admin-reference-import-errors');
    await button(dialog, '放弃').click();
    await admin.getByText('已放弃本次导入，数据未改变').waitFor();
    await admin.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('imports an HS-code CSV: preview, apply, and the new code is offered to enterprises', async () => {
    await button(admin, '导入').click();
    const dialog = admin.getByRole('dialog');
    await dialog
      .locator('input[type=file]')
      .setInputFiles(
        csvFile('hs-new.csv', [
          `${NEW_CODE},测试用新增微电机,001,台,035,千克,,管理员导入`,
          '8501101000,输出功率≤37.5W玩具电动机（修订）,001,台,035,千克,,',
        ]),
      );
    await button(dialog, '上传并预览').click();
    await dialog.getByText('校验通过，应用后将写入 2 行。').waitFor();
    await dialog.getByRole('row').filter({ hasText: NEW_CODE }).waitFor();
    // The notices of the steps before fade out first: this screenshot goes into the manual.
    await expect.poll(() => admin.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
    await snap(admin, 'admin-reference-import-preview', { fullPage: false });
    await button(dialog, '应用导入').click();
    await confirmPopup(admin);
    await admin.locator('.ant-modal-confirm-title').filter({ hasText: '导入成功' }).waitFor();
    await snap(admin, 'admin-reference-import-applied');
    await button(admin.locator('.ant-modal-confirm'), '确定').click();

    await admin.getByPlaceholder('代码或名称').fill(NEW_CODE);
    await button(admin, '查询').click();
    await admin.getByRole('row').filter({ hasText: '测试用新增微电机' }).waitFor();
    await snap(admin, 'admin-reference-hs-list');

    const ent = await apiSession(server.url);
    await ent.post('/api/auth/login', { username: ENTERPRISE.username, password: ENTERPRISE.password });
    // Every instance rebuilds its HS index within a second of the change.
    await expect
      .poll(
        async () =>
          (await ent.get<{ items: { code: string }[] }>(`/api/hs-codes?q=${NEW_CODE}`)).items.map(
            (i) => i.code,
          ),
        { timeout: 5000 },
      )
      .toContain(NEW_CODE);
    await ent.dispose();
  });

  it('finds the organisation, its users and its applications', async () => {
    await admin.getByRole('link', { name: '单位管理' }).click();
    await admin.getByPlaceholder('统一社会信用代码/组织机构代码、单位名称、用户名或邮箱').fill('统计示范');
    await button(admin, '查询').click();
    await admin
      .getByRole('row')
      .filter({ hasText: ENTERPRISE.orgNameZh })
      .getByText(ENTERPRISE.orgNameZh)
      .click();
    await admin.getByText('单位用户').waitFor();
    await admin.getByRole('row').filter({ hasText: ENTERPRISE.username }).waitFor();
    await admin.getByRole('row').filter({ hasText: applicationNumber }).waitFor();
    await snap(admin, 'admin-organisation-detail');
  });

  it('disables a user, who can then not log in, and enables them again', async () => {
    const userRow = admin.getByRole('row').filter({ hasText: ENTERPRISE.username });
    const credentials = { username: ENTERPRISE.username, password: ENTERPRISE.password };
    await button(userRow, '停用').click();
    await confirmPopup(admin);
    await button(userRow, '启用').waitFor();
    await userRow.getByText('停用', { exact: true }).waitFor();
    const refused = await apiSession(server.url);
    await expect(refused.post('/api/auth/login', credentials)).rejects.toThrow();
    await refused.dispose();
    await snap(admin, 'admin-organisation-user-disabled');

    await button(userRow, '启用').click();
    await confirmPopup(admin);
    await button(userRow, '停用').waitFor();
    const again = await apiSession(server.url);
    await again.post('/api/auth/login', credentials);
    await again.dispose();
  });

  it('searches the audit log by application number and by action', async () => {
    await admin.getByRole('link', { name: '审计日志' }).click();
    await admin.getByText('审计日志只能查询和导出', { exact: false }).waitFor();
    await admin.getByLabel('申请编号').fill(applicationNumber);
    await button(admin, '查询').click();
    const rows = admin.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(3);
    for (const who of [ENTERPRISE.username, OFFICER.username])
      await rows.filter({ hasText: who }).first().waitFor();
    await snap(admin, 'admin-audit-application');

    // 重置 empties the form and lists every row again (the import above, the logins …).
    await button(admin, '重置').click();
    await expect.poll(() => admin.getByLabel('申请编号').inputValue()).toBe('');
    await rows.filter({ hasText: 'admin' }).first().waitFor();
    expect(new URL(admin.url()).searchParams.get('application')).toBeNull();
  });

  it('opens the statistics with their charts', async () => {
    await admin.getByRole('link', { name: '统计分析' }).click();
    await admin.getByText('办结用时中位数').waitFor();
    // Each chart is an SVG drawn by ECharts inside a labelled figure.
    const charts = admin.locator('[role=img] svg');
    await expect.poll(() => charts.count()).toBeGreaterThanOrEqual(5);
    // The month chart has drawn its axes and bars (SVG paths), not only an empty frame.
    const byMonth = admin.getByRole('img', { name: /按月份/ });
    await expect.poll(() => byMonth.locator('svg path').count()).toBeGreaterThan(10);
    await snap(admin, 'admin-statistics');
    await snap(admin, 'admin-statistics-top', { fullPage: false });
    await admin.getByRole('button', { name: /English/ }).click();
    await admin.getByText('Statistics').first().waitFor();
    await snap(admin, 'admin-statistics-en');
    await admin.getByRole('button', { name: /中文/ }).click();
    await admin.getByText('统计分析').first().waitFor();
  });

  it('the officer sees the statistics of the own bureau only', async () => {
    const page = await context
      .browser()!
      .newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const officer = await page.newPage();
    watch(officer, 'officer');
    await officer.goto(server.url);
    await officer.getByLabel('用户名', { exact: true }).fill(OFFICER.username);
    await officer.getByLabel('密码', { exact: true }).fill(OFFICER.password);
    await button(officer, '登录').click();
    await officer.getByRole('link', { name: '统计分析' }).click();
    await officer.getByText('本局的申请、证明签发', { exact: false }).waitFor();
    expect(await officer.getByText('全部受理局').count()).toBe(0);
    await officer.locator('[role=img] svg').first().waitFor();
    await snap(officer, 'bureau-statistics');
    await snap(officer, 'bureau-statistics-top', { fullPage: false });
    await page.close();
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
