import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { orgCodeCheckChar, usccCheckChar } from '@ccc/domain';
import { confirmIn, launchBrowser, screenshotDir, snap as snapFull } from './helpers/browser';
import { repoRoot, startServer, type RunningServer } from './helpers/server';

const fixtures = path.join(repoRoot, 'apps/server/test/fixtures');
const samplePdf = path.join(fixtures, 'sample.pdf');
const disguisedExe = path.join(fixtures, 'disguised-executable.pdf');

/** A valid 18-character unified social credit code with a fresh embedded organisation code. */
function newUscc(): string {
  const org8 = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  const first17 = `91440305${org8}${orgCodeCheckChar(org8)}`;
  return first17 + usccCheckChar(first17);
}

/**
 * A screenshot of one part of the page (a card, a dialog) for the manual, next to the full-page ones: once
 * the notices are gone, in a window tall enough that the form's sticky buttons sit below the part.
 */
async function shot(target: Locator, name: string, opts: { quiet?: boolean } = {}): Promise<void> {
  const page = target.page();
  fs.mkdirSync(screenshotDir, { recursive: true });
  if (opts.quiet !== false) {
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 15_000 }).toBe(0);
  }
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  await page.waitForTimeout(300);
  await target.screenshot({ path: path.join(screenshotDir, `${name}.png`), animations: 'disabled' });
  await page.setViewportSize(viewport);
}

/** A full-page screenshot, scrolled to the end so that the form's sticky buttons sit where they belong. */
async function snap(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await snapFull(page, name);
}

/** The box of a dialog (for its screenshot), by its title. */
function modal(page: Page, title: string): Locator {
  return page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });
}

/** Opens an antd Select (by its label) and picks the option with this text. */
async function choose(page: Page, scope: Page | Locator, label: string, option: string | RegExp) {
  await scope.getByLabel(label, { exact: true }).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .first()
    .click();
}

/** 广东省 / 深圳市 / 南山区 in a division cascader. */
async function pickNanshan(page: Page, label: string) {
  await page.getByLabel(label, { exact: true }).click();
  for (const name of ['广东省', '深圳市', '南山区']) {
    await page.locator('.ant-cascader-menu-item:visible', { hasText: new RegExp(`^${name}$`) }).click();
  }
}

/** The 申请编号 the form shows once the first 保存 has assigned it. */
async function savedNumber(page: Page): Promise<string> {
  const shown = page.getByTestId('application-number');
  await expect.poll(async () => (await shown.innerText()).trim()).toMatch(/^A\d{18}$/);
  return (await shown.innerText()).trim();
}

async function register(page: Page, r: { username: string; password: string; orgCode: string }) {
  await page.goto('/');
  await page.getByRole('link', { name: '注册' }).click();
  await page.getByLabel('我已阅读并同意《注册用户声明》').check();
  await page.getByRole('button', { name: '同意并继续' }).click();
  const form = page.locator('form');
  await form.getByLabel('用户名').fill(r.username);
  await form.getByLabel('密码', { exact: true }).fill(r.password);
  await form.getByLabel('确认密码').fill(r.password);
  await form.getByLabel('统一社会信用代码/组织机构代码').fill(r.orgCode);
  await form.getByLabel('联系人', { exact: true }).click();
  await form.getByLabel('申请单位', { exact: true }).fill('深圳示例进口贸易有限公司');
  await pickNanshan(page, '所在地区');
  await form.getByLabel('申请单位地址').fill('深圳市南山区科技园科苑路15号');
  await form.getByLabel('申请单位邮编').fill('518057');
  await form.getByLabel('联系人', { exact: true }).fill('王敏');
  await form.getByLabel('联系人手机').fill('13800138000');
  await form.getByLabel('联系人邮箱').fill(`${r.username}@example.com`);
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await page.getByText('注册成功').first().waitFor();
  await page.getByRole('button', { name: '返回登录' }).click();
  await page.getByLabel('用户名').fill(r.username);
  await page.getByLabel('密码', { exact: true }).fill(r.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL('**/portal/applications');
}

const safety = '样品在实验室内由专业人员操作，测试结束后全部退运或销毁。';

/** 申请信息 under clause 01 (二级明细条款 测试), as a user fills it in; the bureau is offered from the location. */
async function fillApplication(page: Page, opts: { billOfLading: string; withoutSafety?: boolean }) {
  await choose(page, page, '免办条款', '01 为科研、测试和认证检测所需的产品和样品');
  await choose(page, page, '二级明细条款', /^测试$/);
  await choose(page, page, '申请人类型', /^检测机构$/);
  await choose(page, page, '地址类型', /^经营地址$/);
  await page.getByLabel('详细地址', { exact: true }).fill('深圳市南山区科技园科苑路15号3楼');
  await pickNanshan(page, '产品最终使用地');
  await page.getByLabel('最终使用地详细地址', { exact: true }).fill('深圳市南山区西丽街道实验楼201');
  await page.getByLabel('提运单号', { exact: true }).fill(opts.billOfLading);
  await page
    .getByLabel('希望免予办理认证的产品特点', { exact: true })
    .fill('实验室用小型空调器及电源样品，仅用于性能测试，不对外销售。');
  await page
    .getByLabel('申请免办的原因、理由', { exact: true })
    .fill('用于新产品研发阶段的对比测试，测试完成后退运。');
  if (!opts.withoutSafety) await page.getByLabel('安全保证', { exact: true }).fill(safety);
}

/** 添加 → 选择 → HS编码选择: pick a code by what the user types, then fill in the product form. */
async function pickHs(
  page: Page,
  tab: '历史查询' | '查询',
  query: { code?: string; name?: string },
  row: RegExp,
) {
  await page
    .getByRole('dialog', { name: /添加产品/ })
    .getByRole('button', { name: '选择', exact: true })
    .click();
  const picker = page.getByRole('dialog', { name: 'HS编码选择' });
  await picker.waitFor();
  await picker.getByRole('tab', { name: tab, exact: true }).click();
  if (query.code !== undefined) await picker.getByLabel('HS编码', { exact: true }).fill(query.code);
  if (query.name !== undefined) await picker.getByLabel('HS名称', { exact: true }).fill(query.name);
  const hit = picker.getByRole('row', { name: row }).first();
  await hit.waitFor();
  await hit.click();
  await expect.poll(() => hit.getByRole('radio').isChecked()).toBe(true);
  return picker;
}

describe('CCC免办申请 in Chromium: new application, products via the HS picker, attachments, submit, history', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const run = Date.now().toString(36);
  const user = { username: `apps_${run}`, password: 'Import-2026a', orgCode: newUscc() };
  let firstNumber = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
    page = await context.newPage();
  });
  beforeEach((ctx) => {
    // What the page showed when a step failed, for whoever reads the failure.
    ctx.onTestFailed(async () => {
      await snapFull(page, `apps-failed-${ctx.task.name.slice(0, 24).replace(/\W+/g, '-')}`);
      console.error('failed at', page.url(), await page.locator('[role=alert]').allInnerTexts());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('fills in a new application, saves it (number), lists what 提交 misses, adds two products via the HS picker', async () => {
    await register(page, user);
    await page.getByText('暂无免办申请').waitFor();
    await page.getByRole('button', { name: '新增申请' }).click();
    await page.waitForURL('**/portal/applications/new');
    await page.getByText('请先保存申请信息，再添加产品').waitFor();
    // 申请单位所在地 defaults to the organisation's registered division
    await page
      .locator('.ant-form-item')
      .filter({ has: page.locator('#locationDivisionCode') })
      .getByText(/南山区/)
      .first()
      .waitFor();

    // 保存 with nothing chosen: the shared schema's message
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('请选择免办条款').waitFor();

    // 安全保证 is left for later: a draft may be incomplete
    await fillApplication(page, { billOfLading: 'COSU6281234560', withoutSafety: true });
    // the bureau is offered from the location and one is chosen
    const bureau = page.getByRole('radio', { name: /广东省市场监督管理局/ });
    await expect.poll(() => bureau.isChecked()).toBe(true);
    await snap(page, 'apps-form-new');
    await shot(page.locator('.ant-card').filter({ hasText: '申请信息' }).first(), 'apps-form');

    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText(/保存成功，申请编号：A\d{18}/).waitFor();
    await page.waitForURL(/\/portal\/applications\/[^/]+\/edit$/);
    firstNumber = await savedNumber(page);
    // A + the bureau's code + the clause + the year + a serial
    expect(firstNumber).toMatch(/^A44000001\d{4}\d{6}$/);
    // clause and bureau are fixed from now on
    expect(await page.getByLabel('免办条款', { exact: true }).isDisabled()).toBe(true);
    await page.getByText('广东省市场监督管理局', { exact: true }).waitFor();

    // 提交 too early: one list names every missing item (field, product, attachment), each a link to it
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await confirmIn(page, '提交');
    const problems = page.getByRole('list', { name: '缺少的项目' });
    await problems.waitFor();
    await problems.getByText('安全保证：此项为必填项').waitFor();
    await problems.getByText('请至少添加一个产品').waitFor();
    for (const name of ['申请人营业执照', '后续管理承诺书', '科研/测试项目说明'])
      await problems.getByText(`请上传必传附件：${name}`).waitFor();
    expect(await problems.getByRole('listitem').count()).toBe(6);
    await snap(page, 'apps-submit-problems');
    await shot(page.locator('#apps-submit-problems'), 'apps-submit-problems');
    await problems.getByText('安全保证：此项为必填项').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('safetyAssurance');
    await page.getByLabel('安全保证', { exact: true }).fill(safety);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('保存成功', { exact: true }).waitFor();
    await expect.poll(() => problems.getByText('安全保证：此项为必填项').count()).toBe(0);

    // 产品信息: 添加 → 选择 → 查询 by a Chinese fragment
    await page.getByRole('button', { name: '添加', exact: true }).click();
    const productForm = page.getByRole('dialog', { name: '添加产品' });
    await productForm.waitFor();
    let picker = await pickHs(page, '查询', { name: '空调' }, /8415830000/);
    await picker.getByText(/参考/).first().waitFor(); // the provisional CCC mapping is marked
    await snap(page, 'apps-hs-search');
    await shot(modal(page, 'HS编码选择'), 'apps-hs-picker');
    await picker.getByRole('button', { name: '提交' }).click();
    await picker.waitFor({ state: 'hidden' });
    expect(await productForm.getByLabel('HS编码', { exact: true }).inputValue()).toBe('8415830000');
    expect(await productForm.getByLabel('HS名称', { exact: true }).inputValue()).toBe(
      '未装有制冷装置的空调器',
    );
    expect(await productForm.getByLabel('单位', { exact: true }).inputValue()).toBe('台'); // the code's first unit
    await productForm.getByLabel('产品名称').fill('实验室用分体式空调室内机');
    await productForm.getByLabel('型号/规格').fill('KFR-35GW/LAB');
    await productForm.getByLabel('品牌/商标').fill('LabAir');
    // 数量: an exact decimal with at most 3 places (the shared schema's message)
    await productForm.getByLabel('数量').fill('2.5005');
    await productForm.getByLabel('制造商').click();
    await productForm.getByText('数量最多保留3位小数').waitFor();
    await productForm.getByLabel('数量').fill('2.5');
    await productForm.getByLabel('制造商').fill('LabAir GmbH');
    await productForm.getByLabel('原产国（地区）').fill('德国');
    await snap(page, 'apps-product-form');
    await shot(modal(page, '添加产品'), 'apps-product-form');
    await productForm.getByRole('button', { name: '保存并添加下一个' }).click();
    await page.getByText('已添加产品：实验室用分体式空调室内机').first().waitFor();
    // the form stays open, cleared for the next product
    await expect.poll(() => productForm.getByLabel('HS编码', { exact: true }).inputValue()).toBe('');
    expect(await productForm.getByLabel('产品名称').inputValue()).toBe('');

    // the second product by a digit prefix (full-width digits work alike)
    picker = await pickHs(page, '查询', { code: '８５０４４０' }, /8504/);
    const second = picker.getByRole('row', { name: /8504/ }).first();
    const secondCode = /85044\d{5}/.exec(await second.innerText())![0];
    await picker.getByRole('button', { name: '提交' }).click();
    await picker.waitFor({ state: 'hidden' });
    expect(await productForm.getByLabel('HS编码', { exact: true }).inputValue()).toBe(secondCode);
    await productForm.getByLabel('产品名称').fill('测试用开关电源');
    await productForm.getByLabel('型号/规格').fill('PSU-600W');
    await productForm.getByLabel('数量').fill('10');
    await productForm.getByRole('button', { name: '保存并关闭' }).click();
    await productForm.waitFor({ state: 'hidden' });
    const products = page.locator('#apps-products');
    await products.getByRole('cell', { name: '实验室用分体式空调室内机' }).waitFor();
    await products.getByRole('cell', { name: '测试用开关电源' }).waitFor();
    await products.getByRole('cell', { name: '2.5', exact: true }).waitFor();
    await shot(products, 'apps-products');
  });

  it('uploads the required attachments with a progress bar; the missing items drop out of the list', async () => {
    const attachments = page.locator('#apps-attachments');
    const required = attachments.locator('tbody tr', { hasText: '必传' });
    const names = await required.locator('td:first-child').allInnerTexts();
    expect(names.length).toBe(4);

    // the list of the first 提交 now names only the attachments (the products are there)
    const problems = page.getByRole('list', { name: '缺少的项目' });
    expect(await problems.getByRole('listitem').count()).toBe(4);

    // a file that lies about its type: the server's message is shown
    const licence = attachments.getByRole('row', { name: /申请人营业执照/ });
    let chooser = page.waitForEvent('filechooser');
    await licence.getByRole('button', { name: '上传附件' }).click();
    await (await chooser).setFiles(disguisedExe);
    await page.getByText('仅支持PDF、JPG、PNG格式的文件（按文件内容识别，修改扩展名无效）').first().waitFor();

    for (let i = 0; i < (await required.count()); i++) {
      const row = required.nth(i);
      chooser = page.waitForEvent('filechooser');
      await row.getByRole('button', { name: '上传附件' }).click();
      await (await chooser).setFiles(samplePdf);
      await row.getByRole('progressbar').waitFor(); // the upload's progress bar
      await row.getByRole('link', { name: 'sample.pdf' }).waitFor();
      if (i === 0) {
        await shot(row, 'apps-attachment-progress', { quiet: false });
        await snap(page, 'apps-attachments-uploading');
      }
    }
    await attachments.getByText('必传附件已齐全').waitFor();
    // the incomplete items have dropped out of the list
    await problems.waitFor({ state: 'detached' });
    await page.waitForTimeout(3200); // the progress bars fade out
    await shot(attachments, 'apps-attachments');

    // 查看 opens the file in a new tab
    const [tab] = await Promise.all([
      page.context().waitForEvent('page'),
      licence.getByRole('link', { name: '查看' }).click(),
    ]);
    await tab.waitForLoadState();
    expect(tab.url()).toMatch(/\/attachments\/business_licence\/file$/);
    await tab.close();
    // a background tab gets no animation frames: the form's tab must be in front again
    await page.bringToFront();
  });

  it('submits: the list shows 待受理, the detail shows the history', async () => {
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await confirmIn(page, '提交');
    await page.waitForURL(/\/portal\/applications$/);
    const row = page.getByRole('row', { name: new RegExp(firstNumber) });
    await row.getByText('待受理').waitFor();
    await row.getByText('实验室用分体式空调室内机 等2个产品').waitFor();
    // 待受理: only 查看 and 撤回
    expect(await row.getByText('修改', { exact: true }).count()).toBe(0);
    expect(await row.getByText('撤回', { exact: true }).count()).toBe(1);

    await row.getByRole('link', { name: firstNumber }).click();
    await page.getByRole('heading', { name: '查看申请' }).waitFor();
    const history = page.locator('.ant-card').filter({ hasText: '办理记录' });
    for (const what of ['新增申请（生成申请编号）', '添加产品', '上传附件', '提交申请'])
      await history.getByText(what, { exact: true }).first().waitFor();
    await history
      .getByText(/王敏（apps_/)
      .first()
      .waitFor();
    await page.getByText('为科研、测试和认证检测所需的产品和样品').first().waitFor();
    await snap(page, 'apps-detail');
    await shot(page.locator('.ant-card').filter({ hasText: '申请信息' }).first(), 'apps-detail');
    await shot(history, 'apps-history');
  });

  it('takes the reusable attachments over into a second application and offers 历史查询', async () => {
    await page.goto('/portal/applications');
    await page.getByRole('button', { name: '新增申请' }).click();
    await fillApplication(page, { billOfLading: 'COSU6289999990' });
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText(/保存成功，申请编号：A\d{18}/).waitFor();
    await page.waitForURL(/\/edit$/);
    const secondNumber = await savedNumber(page);
    expect(secondNumber).not.toBe(firstNumber);

    const attachments = page.locator('#apps-attachments');
    for (const name of ['申请人营业执照', '后续管理承诺书', '关于相应产品符合国内安全标准的要求'])
      await attachments
        .getByRole('row', { name: new RegExp(name) })
        .getByText('自动获取')
        .waitFor();
    // the project description is not reusable: it must be uploaded again
    const project = attachments.getByRole('row', { name: /科研\/测试项目说明/ });
    await project.getByText('未上传').waitFor();
    await shot(attachments, 'apps-attachments-taken-over');

    // 历史查询 offers the codes the organisation declared, most used first
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await page
      .getByRole('dialog', { name: '添加产品' })
      .getByRole('button', { name: '选择', exact: true })
      .click();
    const picker = page.getByRole('dialog', { name: 'HS编码选择' });
    await expect
      .poll(() => picker.getByRole('tab', { name: '历史查询' }).getAttribute('aria-selected'))
      .toBe('true');
    await picker.getByRole('row', { name: /8415830000/ }).waitFor();
    await picker.getByRole('row', { name: /85044/ }).waitFor();
    await shot(modal(page, 'HS编码选择'), 'apps-hs-history');
    await picker.getByRole('row', { name: /8415830000/ }).click();
    await picker.getByRole('button', { name: '提交' }).click();
    const productForm = page.getByRole('dialog', { name: '添加产品' });
    expect(await productForm.getByLabel('HS编码', { exact: true }).inputValue()).toBe('8415830000');
    await productForm.getByLabel('产品名称').fill('对比测试用空调室内机');
    await productForm.getByLabel('型号/规格').fill('KFR-26GW/LAB');
    await productForm.getByLabel('数量').fill('1');
    await productForm.getByRole('button', { name: '保存并关闭' }).click();
    await page.locator('#apps-products').getByRole('cell', { name: '对比测试用空调室内机' }).waitFor();

    await page.getByRole('button', { name: '返回', exact: true }).click();
    await page.waitForURL(/\/portal\/applications$/);
    const draft = page.getByRole('row', { name: new RegExp(secondNumber) });
    await draft.getByText('未提交').waitFor();
    await snap(page, 'apps-list');
    await shot(page.locator('.ant-layout-content'), 'apps-list');

    // query by status
    await choose(page, page, '状态', /^待受理$/);
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.getByRole('row', { name: new RegExp(firstNumber) }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: new RegExp(secondNumber) }).count()).toBe(0);
    // 导出Excel of the current query
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出Excel' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(fs.statSync(await file.path()).size).toBeGreaterThan(1000);
    await page.getByRole('button', { name: '重置' }).click();
    await page.getByRole('row', { name: new RegExp(secondNumber) }).waitFor();

    // 删除 a draft (confirmed)
    await draft.getByText('删除', { exact: true }).click();
    await confirmIn(page, '删除');
    await page.getByText(`已删除申请 ${secondNumber}`).waitFor();
    await expect.poll(() => page.getByRole('row', { name: new RegExp(secondNumber) }).count()).toBe(0);

    // 撤回 a 待受理 application: back to 未提交 with its number and history
    const first = page.getByRole('row', { name: new RegExp(firstNumber) });
    await first.getByText('撤回', { exact: true }).click();
    await confirmIn(page, '撤回');
    await first.getByText('未提交').waitFor();
    await first.getByRole('link', { name: firstNumber }).click();
    await page.locator('.ant-card').filter({ hasText: '办理记录' }).getByText('撤回申请').waitFor();
  });

  it('shows the screens in English too', async () => {
    await page.goto('/portal/applications');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'New application' }).waitFor();
    await page.getByRole('columnheader', { name: 'Application no.' }).waitFor();
    await snap(page, 'apps-list-en');
    await page.getByRole('link', { name: firstNumber }).click();
    await page.getByRole('heading', { name: 'View application' }).waitFor();
    await snap(page, 'apps-detail-en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '查看申请' }).waitFor();
  });
});
