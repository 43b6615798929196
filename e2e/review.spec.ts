import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiSession, completeDraft, registerEnterprise } from './helpers/api';
import path from 'node:path';
import { confirmIn, launchBrowser, screenshotDir, snap } from './helpers/browser';
import { E2E_ADMIN, startServer, type RunningServer } from './helpers/server';

/**
 * The whole loop of issue 4 in Chromium: the enterprise submits → the officer accepts → returns it with a
 * reason → the enterprise sees the reason in red, fixes and resubmits → the officer approves → the
 * enterprise opens its certificate → anyone verifies it by number on the home page → the bureau revokes it.
 */

const ENTERPRISE = {
  username: 'sz_importer',
  password: 'Import-2026-pass',
  orgNameZh: '深圳精密设备进口有限公司',
  email: 'importer@sz-precision.example.cn',
};
const OFFICER = { username: 'gd_reviewer', password: 'Review-2026-pass' };
const RETURN_REASON = '免办理由不充分：请说明压缩机配套的具体生产线及数量依据。';
const REVOKE_REASON = '经核查，该批产品已用于销售，违反申报用途（第五十二条）。';

let server: RunningServer;
let browser: Browser;
let entCtx: BrowserContext;
let offCtx: BrowserContext;
let ent: Page;
let off: Page;
let app: { id: string; number: string };
let certificateNumber = '';

async function login(page: Page, username: string, password: string) {
  await page.goto('/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** The window only (not the whole page), from the top: for the manual's pictures of long pages. */
async function top(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), animations: 'disabled' });
}

async function openCase(page: Page, number: string) {
  await page.goto('/bureau');
  const row = page.getByRole('row', { name: new RegExp(number) });
  await row.waitFor();
  await row.getByRole('link', { name: number }).click();
  await page.getByText(number).first().waitFor();
}

/** Clicks a decision button and fills the reason of its dialog, if it has one. */
async function decide(page: Page, button: string, reason?: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog').last();
  if (reason) await dialog.getByRole('textbox').fill(reason);
  await dialog.getByRole('button', { name: /确\s*定|确认|提交/ }).click();
}

describe('review and certificate in Chromium', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const admin = await apiSession(server.url);
    await admin.post('/api/auth/login', E2E_ADMIN);
    await admin.post('/api/admin/officers', {
      username: OFFICER.username,
      password: OFFICER.password,
      contactName: '林审核',
      mobile: '13922223333',
      email: 'reviewer@amr.gd.example.cn',
      phone: '020-38800000',
      bureauCode: '440000',
    });
    await admin.dispose();
    await registerEnterprise(server.url, ENTERPRISE);
    const api = await apiSession(server.url);
    await api.post('/api/auth/login', { username: ENTERPRISE.username, password: ENTERPRISE.password });
    app = await completeDraft(api);
    await api.dispose();

    entCtx = await browser.newContext({
      baseURL: server.url,
      locale: 'zh-CN',
      viewport: { width: 1280, height: 900 },
    });
    offCtx = await browser.newContext({
      baseURL: server.url,
      locale: 'zh-CN',
      viewport: { width: 1280, height: 900 },
    });
    ent = await entCtx.newPage();
    off = await offCtx.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the administrator sets 广东’s service levels and adds a holiday to the unpublished 2027 calendar', async () => {
    const admCtx = await browser.newContext({
      baseURL: server.url,
      locale: 'zh-CN',
      viewport: { width: 1280, height: 900 },
    });
    const adm = await admCtx.newPage();
    await login(adm, E2E_ADMIN.username, E2E_ADMIN.password);
    await adm.waitForURL('**/admin/**');
    await adm.getByRole('link', { name: '服务时限' }).click();
    await adm.getByLabel('按名称或代码筛选').fill('广东');
    const accept = adm.getByLabel('广东省市场监督管理局 受理时限（工作日）');
    await accept.fill('3');
    await adm.getByRole('button', { name: '保存广东省市场监督管理局的服务时限' }).click();
    await adm.getByText('已保存：广东省市场监督管理局 受理 3 个工作日、办结 5 个工作日').waitFor();
    await snap(adm, 'admin-service-levels');

    await adm.getByRole('link', { name: '工作日历' }).click();
    await adm.getByText('节假日（休息）').first().waitFor();
    await snap(adm, 'admin-calendar');
    await adm.getByLabel('年度').click();
    await adm.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '2027年' }).click();
    await adm.getByText('该年度官方节假日安排尚未发布').first().waitFor();
    await adm.getByRole('button', { name: '添加日期' }).click();
    const date = adm.getByLabel('第 1 行日期');
    await date.click();
    await date.fill('2027-01-01');
    await date.press('Enter');
    await adm.getByLabel('第 1 行类型').click();
    await adm
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '节假日（休息）' })
      .click();
    await adm.getByLabel('第 1 行名称').fill('元旦');
    await adm.getByRole('button', { name: '保存', exact: true }).click();
    await adm.getByText('2027 年工作日历已保存').first().waitFor();
    const saved = await adm.request.get('/api/admin/calendar?year=2027');
    const body = (await saved.json()) as { days: { date: string; kind: string; name: string }[] };
    expect(body.days).toEqual([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }]);
    await snap(adm, 'admin-calendar-2027');
    await admCtx.close();
  });

  it('the enterprise submits its application', async () => {
    await login(ent, ENTERPRISE.username, ENTERPRISE.password);
    await ent.waitForURL('**/portal/applications');
    await ent.goto(`/portal/applications/${app.id}/edit`);
    await ent.getByRole('button', { name: '提交', exact: true }).click();
    await confirmIn(ent, '提交');
    await ent.waitForURL(/\/portal\/applications$/);
    await ent
      .getByRole('row', { name: new RegExp(app.number) })
      .getByText('待受理')
      .waitFor();
  });

  it('the officer sees it in the inbox with its working days, and accepts it', async () => {
    await login(off, OFFICER.username, OFFICER.password);
    await off.waitForURL('**/bureau**');
    const row = off.getByRole('row', { name: new RegExp(app.number) });
    await row.getByText(ENTERPRISE.orgNameZh).waitFor();
    // 广东's acceptance limit as the administrator set it
    await row.getByText('0 / 3').waitFor();
    await snap(off, 'bureau-inbox');
    await openCase(off, app.number);
    await snap(off, 'bureau-review-submitted');
    await top(off, 'bureau-review-submitted-top');
    await decide(off, '受理');
    await off.getByText('审核中').first().waitFor();
  });

  it('returns it with a reason, which the enterprise sees in red', async () => {
    await decide(off, '退回', RETURN_REASON);
    await off.getByText('已退回').first().waitFor();

    await ent.goto(`/portal/applications/${app.id}`);
    const reason = ent.getByText(RETURN_REASON).first();
    await reason.waitFor();
    const color = await reason.evaluate((el) => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = getComputedStyle(e).color;
        const m = /rgb\((\d+), (\d+), (\d+)/.exec(c);
        if (m && Number(m[1]) > 150 && Number(m[2]) < 100 && Number(m[3]) < 100) return 'red';
      }
      return getComputedStyle(el).color;
    });
    expect(color).toBe('red');
    await snap(ent, 'enterprise-returned');
    await top(ent, 'enterprise-returned-top');
  });

  it('the enterprise corrects the application and submits it again', async () => {
    await ent.goto(`/portal/applications/${app.id}/edit`);
    const reason = ent.getByLabel('申请免办的原因、理由');
    await reason.fill('工厂二号生产线（年产2万台空调）配套所需压缩机2台及质检工位监视器12台。');
    await ent.getByRole('button', { name: '保存', exact: true }).click();
    await ent
      .getByText(/已保存|保存成功/)
      .first()
      .waitFor();
    await ent.getByRole('button', { name: '提交', exact: true }).click();
    await confirmIn(ent, '提交');
    await ent.waitForURL(/\/portal\/applications$/);
    await ent
      .getByRole('row', { name: new RegExp(app.number) })
      .getByText('待受理')
      .waitFor();
  });

  it('the officer sees what changed since the return, accepts and approves: the certificate is issued', async () => {
    await openCase(off, app.number);
    await off.getByText(RETURN_REASON).first().waitFor();
    await off
      .getByText(/年产2万台空调/)
      .first()
      .waitFor();
    await snap(off, 'bureau-review-resubmitted');
    await top(off, 'bureau-review-resubmitted-top');
    await decide(off, '受理');
    await off.getByText('审核中').first().waitFor();
    await decide(off, '批准发证');
    await off.getByText('已发证').first().waitFor();
    const number = off.getByText(/^N4400\d{8}$/).first();
    await number.waitFor();
    certificateNumber = (await number.innerText()).trim();
    await snap(off, 'bureau-review-issued');
    await top(off, 'bureau-review-issued-top');
    // the enterprise was told by e-mail, with the certificate number
    await expect
      .poll(() => server.mails().some((m) => m.text.includes(certificateNumber)), { timeout: 20_000 })
      .toBe(true);
  });

  it('the enterprise opens its certificate from the list', async () => {
    await ent.goto('/portal/applications');
    const row = ent.getByRole('row', { name: new RegExp(app.number) });
    await row.getByText('已发证').waitFor();
    const [tab] = await Promise.all([
      entCtx.waitForEvent('page'),
      row.getByRole('link', { name: certificateNumber }).click(),
    ]);
    await tab.waitForLoadState();
    const pdf = await ent.request.get(`/api/certificates/${certificateNumber}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    fs.mkdirSync('.tmp', { recursive: true });
    fs.writeFileSync(`.tmp/${certificateNumber}.pdf`, bytes);
    await tab.close();
    await ent.bringToFront();
    // 下载 beside the number saves <number>.pdf, the same document
    const download = ent.waitForEvent('download');
    await row.getByRole('button', { name: `下载证明 ${certificateNumber}` }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${certificateNumber}.pdf`);
    expect(Buffer.compare(fs.readFileSync(await file.path()), bytes)).toBe(0);
    await snap(ent, 'enterprise-list-issued');
  });

  it('anyone verifies it by number on the home page', async () => {
    const visitor = await browser.newContext({ baseURL: server.url, locale: 'zh-CN' });
    const page = await visitor.newPage();
    await page.goto('/');
    await page.getByLabel('证明号').fill(certificateNumber);
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.waitForURL(`**/verify/${certificateNumber}**`);
    await page.getByText('有效', { exact: true }).first().waitFor();
    await page.getByText(ENTERPRISE.orgNameZh).first().waitFor();
    await page.getByText('广东省市场监督管理局').first().waitFor();
    expect(await page.getByText('液晶监视器').count()).toBe(0);
    await snap(page, 'verify-valid');

    // with the verification code printed on the certificate, the products too
    const summary = (await (await ent.request.get(`/api/certificates/${certificateNumber}`)).json()) as {
      verificationCode: string;
    };
    await page.getByLabel('验证码（选填）').fill(summary.verificationCode);
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.getByRole('cell', { name: '液晶监视器' }).waitFor();
    await page.getByRole('cell', { name: '8528521200' }).waitFor();
    await snap(page, 'verify-with-code');
    // a wrong code says so and shows no products
    await page.getByLabel('验证码（选填）').fill('ABCDEFGH');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await expect.poll(() => page.getByRole('cell', { name: '液晶监视器' }).count()).toBe(0);
    await visitor.close();
  });

  it('the officer finds the case by 证明号 in 申请查询 and exports the result', async () => {
    await off.getByRole('link', { name: '申请查询' }).click();
    await off.getByLabel('证明号').fill(certificateNumber.slice(0, 9));
    await off.getByRole('button', { name: '查询', exact: true }).click();
    const row = off.getByRole('row', { name: new RegExp(certificateNumber) });
    await row.getByText('有效').waitFor();
    await snap(off, 'bureau-search');
    const download = off.waitForEvent('download');
    await off.getByRole('button', { name: '导出Excel' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(fs.statSync(await file.path()).size).toBeGreaterThan(1000);
  });

  it('the bureau revokes it; verification shows 已撤销 at once', async () => {
    await openCase(off, app.number);
    await decide(off, '撤销证明', REVOKE_REASON);
    await off.getByText('已撤销').first().waitFor();

    const visitor = await browser.newContext({ baseURL: server.url, locale: 'zh-CN' });
    const page = await visitor.newPage();
    await page.goto(`/verify/${certificateNumber}`);
    await page.getByText('已撤销', { exact: true }).first().waitFor();
    await snap(page, 'verify-revoked');
    await visitor.close();
  });

  it('shows the bureau’s and the verification screens in English too', async () => {
    await off.goto('/bureau');
    await off.getByRole('button', { name: 'English' }).click();
    await off.getByRole('heading', { name: 'To-do' }).waitFor();
    await snap(off, 'bureau-inbox-en');
    await off.getByRole('button', { name: '中文' }).click();
    await off.getByRole('heading', { name: '待办事项' }).waitFor();

    const visitor = await browser.newContext({ baseURL: server.url, locale: 'zh-CN' });
    const page = await visitor.newPage();
    await page.goto(`/verify/${certificateNumber}`);
    await page.getByText('已撤销', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Certificate verification').first().waitFor();
    await page.getByText('Revoked', { exact: true }).first().waitFor();
    await snap(page, 'verify-revoked-en');
    await visitor.close();
  });
});
