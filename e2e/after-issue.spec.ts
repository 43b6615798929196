import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createOfficer, issuedCertificate, registerEnterprise } from './helpers/api';
import { confirmIn, launchBrowser, snap } from './helpers/browser';
import { E2E_ADMIN, startServer, type RunningServer } from './helpers/server';

/**
 * Issue 5 in Chromium: an issued certificate → 申请修改证明 changes a quantity → the bureau approves → the list
 * shows the modified number and the old one verifies as superseded → 填写退运记录 and 填写销毁记录 for part of the
 * goods → 提交 → the bureau verifies one and returns the other → the enterprise fixes it.
 */

const ENTERPRISE = {
  username: 'gz_importer',
  password: 'Import-2026-pass',
  orgNameZh: '广州实验仪器进口有限公司',
  email: 'importer@gz-lab.example.cn',
};
const OFFICER = { username: 'gd_supervisor', password: 'Review-2026-pass' };
const RETURN_REASON = '销毁方式描述不清：请写明销毁地点和处理单位。';

let server: RunningServer;
let browser: Browser;
let entCtx: BrowserContext;
let offCtx: BrowserContext;
let ent: Page;
let off: Page;
let original = '';
let modified = '';
let applicationNumber = '';

async function login(page: Page, username: string, password: string) {
  await page.goto('/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

async function pickDate(page: Page, label: string, date: string) {
  const input = page.getByLabel(label);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

const today = () => {
  const d = new Date(Date.now() + 8 * 3600_000);
  return d.toISOString().slice(0, 10);
};

describe('after issue in Chromium: modification, records, supervision', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await createOfficer(server.url, E2E_ADMIN, {
      ...OFFICER,
      bureauCode: '440000',
      contactName: '陈监管',
      email: 'supervisor@amr.gd.example.cn',
    });
    await registerEnterprise(server.url, ENTERPRISE);
    const issued = await issuedCertificate(server.url, ENTERPRISE, OFFICER);
    original = issued.certificateNumber;
    applicationNumber = issued.applicationNumber;
    modified = `M${original.slice(1)}`;
    const opts = { baseURL: server.url, locale: 'zh-CN', viewport: { width: 1280, height: 900 } };
    entCtx = await browser.newContext(opts);
    offCtx = await browser.newContext(opts);
    ent = await entCtx.newPage();
    off = await offCtx.newPage();
    await login(ent, ENTERPRISE.username, ENTERPRISE.password);
    await ent.waitForURL('**/portal/applications');
    await login(off, OFFICER.username, OFFICER.password);
    await off.waitForURL('**/bureau**');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the enterprise asks to modify the certificate: the monitors’ quantity 12 → 10', async () => {
    const row = ent.getByRole('row', { name: new RegExp(applicationNumber) });
    await row.getByRole('link', { name: '申请修改证明' }).click();
    await ent.waitForURL(`**/portal/certificates/${original}/modification`);
    await ent.getByLabel('修改第2项产品').click();
    const dialog = ent.getByRole('dialog');
    await dialog.getByLabel('数量').fill('10');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await ent.getByLabel('修改原因').fill('两台监视器未随批到货，按实际进口数量更正。');
    await ent.getByRole('button', { name: '保存', exact: true }).click();
    await ent.getByText('修改申请已保存，尚未提交').first().waitFor();
    await snap(ent, 'modification-form');
    await ent.getByRole('button', { name: '提交', exact: true }).click();
    await confirmIn(ent, '提交');
    await ent.getByText('待审核').first().waitFor();
  });

  it('the bureau compares old and new and approves: the modified version is issued', async () => {
    await off.getByRole('menuitem', { name: '修改申请' }).click();
    await off.getByRole('link', { name: original }).click();
    const comparison = off.getByRole('table', { name: '修改内容对比' });
    await comparison.getByText('12').first().waitFor();
    await comparison.getByText('10').first().waitFor();
    await snap(off, 'bureau-modification-review');
    await off.getByRole('button', { name: '批准修改' }).click();
    await confirmIn(off, '确定');
    await off.getByText(new RegExp(`已签发修改后的证明，证明号 ${modified}`)).waitFor();
    await confirmIn(off, '确定');
    await expect.poll(() => off.locator('.ant-modal-confirm:visible').count()).toBe(0);
    await snap(off, 'bureau-modification-approved');
  });

  it('the list shows the modified number; the old one verifies as superseded', async () => {
    await ent.goto('/portal/applications');
    const row = ent.getByRole('row', { name: new RegExp(applicationNumber) });
    await row.getByRole('link', { name: modified }).waitFor();
    await snap(ent, 'apps-list-modified');

    const visitor = await browser.newContext({ baseURL: server.url, locale: 'zh-CN' });
    const page = await visitor.newPage();
    await page.goto(`/verify/${original}`);
    await page.getByText('已被修改版本取代', { exact: true }).first().waitFor();
    await page.getByRole('link', { name: modified }).first().waitFor();
    await snap(page, 'verify-superseded');
    await visitor.close();
  });

  it('the enterprise reports a re-export and a destruction for part of the goods', async () => {
    const row = ent.getByRole('row', { name: new RegExp(applicationNumber) });
    await row.getByRole('link', { name: '产品使用记录' }).click();
    await ent.waitForURL(`**/portal/certificates/**/records`);
    await snap(ent, 'records');

    await ent.getByRole('button', { name: '填写退运记录' }).click();
    await ent.getByLabel('空调压缩机 的退运数量').fill('1');
    await pickDate(ent, '空调压缩机 的退运时间', today());
    await ent.getByLabel('报关单号').fill('530120261128000123');
    await snap(ent, 'record-reexport');
    await ent.getByRole('button', { name: '提交', exact: true }).click();
    await confirmIn(ent, '提交');
    await ent.getByText('已提交').first().waitFor();

    await ent.goto(`/portal/certificates/${modified}/records`);
    await ent.getByRole('button', { name: '填写销毁记录' }).click();
    await ent.getByLabel('液晶监视器 的销毁数量').fill('2');
    await pickDate(ent, '液晶监视器 的销毁时间', today());
    await ent.getByLabel('销毁方式').fill('拆解后交由有资质单位回收处理');
    await ent.getByLabel('监督人/见证人').fill('李明（质量部）');
    await ent.getByRole('button', { name: '提交', exact: true }).click();
    await confirmIn(ent, '提交');
    await ent.getByText('已提交').first().waitFor();

    await ent.goto(`/portal/certificates/${modified}/records`);
    const products = ent.getByRole('row', { name: /液晶监视器/ });
    await products.getByText('8').first().waitFor();
  });

  it('the bureau verifies the re-export and returns the destruction with a reason', async () => {
    await off.getByRole('menuitem', { name: '后续监管' }).click();
    const reexport = off.getByRole('row', { name: /退运记录/ });
    await reexport.click();
    await off.getByRole('button', { name: '核查通过' }).click();
    await confirmIn(off, '确定');
    await off
      .getByText(/核查通过/)
      .first()
      .waitFor();
    await off.getByRole('dialog').getByRole('button', { name: '关闭', exact: true }).last().click();

    const destruction = off.getByRole('row', { name: /销毁记录/ });
    await destruction.click();
    await off.getByRole('button', { name: '退回', exact: true }).click();
    await off.getByLabel('退回理由').fill(RETURN_REASON);
    await off.getByRole('dialog').last().getByRole('button', { name: '确定' }).click();
    await off
      .getByText(/退回企业/)
      .first()
      .waitFor();
    await snap(off, 'bureau-supervision');
  });

  it('the enterprise sees the reason in red, fixes the destruction record and submits it again', async () => {
    await ent.goto(`/portal/certificates/${modified}/records`);
    await ent.getByText(RETURN_REASON).first().waitFor();
    await ent.getByRole('link', { name: '修改', exact: true }).first().click();
    await ent.getByLabel('销毁方式').fill('在广州市黄埔区固废处理中心拆解销毁，由该中心出具处理证明');
    await ent.getByRole('button', { name: '提交', exact: true }).click();
    await confirmIn(ent, '提交');
    await ent.getByText('已提交').first().waitFor();
    await snap(ent, 'record-resubmitted');
  });

  it('the administrator sets clause 03’s reporting deadline, which the records page then shows', async () => {
    const admCtx = await browser.newContext({
      baseURL: server.url,
      locale: 'zh-CN',
      viewport: { width: 1280, height: 900 },
    });
    const adm = await admCtx.newPage();
    await login(adm, E2E_ADMIN.username, E2E_ADMIN.password);
    await adm.waitForURL('**/admin/**');
    await adm.getByRole('link', { name: '报告时限' }).click();
    await adm.getByLabel('条款 03 期限（工作日）').fill('60');
    await adm.getByRole('button', { name: '保存条款 03' }).click();
    await adm
      .getByText(/条款 03 的报告时限已保存/)
      .first()
      .waitFor();
    await snap(adm, 'admin-report-deadlines');
    await admCtx.close();

    await ent.goto(`/portal/certificates/${modified}/records`);
    await ent
      .getByText(/起 60 个工作日/)
      .first()
      .waitFor();
  });
});
