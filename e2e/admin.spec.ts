import fs from 'node:fs';
import path from 'node:path';
import { request, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, snap } from './helpers/browser';
import { E2E_ADMIN, repoRoot, startServer, type RunningServer } from './helpers/server';

/**
 * The administration console and the bureau workspace, driven as people would: by visible labels.
 * The administrator creates a 广东 officer, publishes and pins an announcement with a PDF, approves a user
 * waiting to join an organisation, replaces the manual; the public sees the announcement and its
 * attachment; the officer sees the 广东 bureau's workspace; once disabled, the officer cannot log in.
 */

const pdfPath = path.join(repoRoot, 'e2e/fixtures/notice.pdf');
const OFFICER = {
  username: 'gd_reviewer',
  password: 'Initial-Pass-2026',
  newPassword: 'Changed-Pass-2027',
  resetPassword: 'Reset-By-Admin-2028',
};
const TITLE = '关于CCC免办在线申请的通知';

/** antd puts a space between two Chinese characters on buttons (确 定): match with or without it. */
function spaced(text: string, exact = false): RegExp {
  const body = [...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*');
  // An icon's name (e.g. "plus") may come first in the accessible name.
  return new RegExp(exact ? `(^|\\s)${body}$` : body);
}
const button = (scope: Page | Locator, text: string, exact = true) =>
  scope.getByRole('button', { name: spaced(text, exact) });

/** The OK button of the confirm bubble that is open. */
async function confirmPopup(page: Page): Promise<void> {
  const popup = page.locator('.ant-popconfirm:not(.ant-popover-hidden)').last();
  await button(popup, '确定').click();
}

async function expectMessage(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.ant-message-notice').filter({ hasText: text }).first().waitFor();
}

async function login(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await button(page, '登录').click();
}

function row(page: Page, text: string): Locator {
  return page.getByRole('row').filter({ hasText: text });
}

describe('administration console and bureau workspace in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let adminContext: BrowserContext;
  let admin: Page;
  let officerContext: BrowserContext;
  let officer: Page;
  let announcementId = '';
  const pageErrors: string[] = [];

  function watch(page: Page, who: string) {
    page.on('pageerror', (e) => pageErrors.push(`${who}: ${e.message}`));
    page.on('console', (m) => {
      // A refused request (a wrong password, a disabled account) is logged by the browser itself.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
        pageErrors.push(`${who}: ${m.text()}`);
    });
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    adminContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    adminContext.setDefaultTimeout(10_000);
    admin = await adminContext.newPage();
    watch(admin, 'admin');
  });
  afterEach(async ({ task }) => {
    // What the screen showed when a step failed, for the person reading the report.
    if (task.result?.state !== 'fail') return;
    const slug = task.name.replace(/[^\w\u4e00-\u9fff]+/g, '-').slice(0, 60);
    if (admin && !admin.isClosed()) await snap(admin, `failed-admin-${slug}`).catch(() => {});
    if (officer && !officer.isClosed()) await snap(officer, `failed-officer-${slug}`).catch(() => {});
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the administrator logs in on the home page and lands in the console', async () => {
    await login(admin, server.url, E2E_ADMIN.username, E2E_ADMIN.password);
    await admin.waitForURL('**/admin/officers');
    await admin.getByRole('link', { name: '审核人员账号' }).waitFor();
    for (const item of ['待确认用户', '公告管理', '用户手册', '修改密码'])
      await admin.getByRole('link', { name: item }).waitFor();
    await admin.getByText('暂无审核人员').waitFor();
    await snap(admin, 'admin-officers-empty');
  });

  it('creates an officer of 广东省市场监督管理局', async () => {
    await button(admin, '新增审核人员').click();
    const dialog = admin.getByRole('dialog', { name: '新增审核人员' });
    await dialog.waitFor();
    // Saving an empty form shows the shared validation messages.
    await button(dialog, '保存').click();
    await dialog.getByText('此项为必填项').first().waitFor();
    await dialog.getByLabel('用户名').fill('ab');
    await dialog.getByText('用户名为4至32位字母、数字或 _ . @ -').waitFor();
    await dialog.getByLabel('手机').fill('12345');
    await dialog.getByText('请输入11位中国大陆手机号码').waitFor();

    await dialog.getByLabel('用户名').fill(OFFICER.username);
    await dialog.getByLabel('初始密码').fill(OFFICER.password);
    await dialog.getByLabel('姓名').fill('李审核');
    await dialog.getByLabel('手机').fill('13800138000');
    await dialog.getByLabel('邮箱').fill('reviewer@gd.example.cn');
    await dialog.getByLabel('固定电话').fill('020-12345678');
    await dialog.getByLabel('所属市场监督管理局').click();
    await dialog.getByLabel('所属市场监督管理局').fill('广东');
    await admin
      .locator('.ant-select-item-option')
      .filter({ hasText: '广东省市场监督管理局（440000）' })
      .click();
    await snap(admin, 'admin-officer-create');
    await button(dialog, '保存').click();
    await expectMessage(admin, `审核人员“${OFFICER.username}”已创建`);
    await dialog.waitFor({ state: 'hidden' });

    const r = row(admin, OFFICER.username);
    await r.getByText('广东省市场监督管理局').waitFor();
    await r.getByText('启用', { exact: true }).waitFor();

    // The query by bureau finds the officer; another bureau's finds nobody.
    await admin.getByLabel('所属市场监督管理局').click();
    await admin.getByLabel('所属市场监督管理局').fill('440000');
    await admin.locator('.ant-select-item-option').filter({ hasText: '（440000）' }).click();
    await button(admin, '查询').click();
    await admin.waitForURL(/bureauCode=440000/);
    await row(admin, OFFICER.username).waitFor();
    await admin.getByLabel('所属市场监督管理局').click();
    await admin.getByLabel('所属市场监督管理局').fill('110000');
    await admin.locator('.ant-select-item-option').filter({ hasText: '（110000）' }).click();
    await button(admin, '查询').click();
    await admin.getByText('暂无审核人员').waitFor();
    await button(admin, '重置').click();
    await row(admin, OFFICER.username).waitFor();
    await snap(admin, 'admin-officers');
  });

  it('publishes an announcement with a PDF attachment and pins it', async () => {
    await admin.getByRole('link', { name: '公告管理' }).click();
    await admin.getByText('暂无公告').waitFor();
    await button(admin, '新增公告').click();
    await admin.waitForURL('**/admin/announcements/new');
    // The list (with its own 标题 filter) stays until the editor has loaded.
    const body = admin.getByRole('textbox', { name: '正文' });
    await body.waitFor();

    await admin.getByRole('textbox', { name: '标题' }).fill(TITLE);
    await body.click();
    await button(admin, '标题').click();
    await admin.keyboard.type('办理须知');
    await admin.keyboard.press('Enter'); // a new paragraph after the heading
    await admin.keyboard.type('自2027年1月1日起，');
    await button(admin, '加粗').click();
    await admin.keyboard.type('全部申请在线提交');
    await button(admin, '加粗').click();
    await admin.keyboard.type('。');
    await admin.keyboard.press('Enter');
    await button(admin, '无序列表').click();
    await admin.keyboard.type('准备材料');
    await admin.keyboard.press('Enter');
    await admin.keyboard.type('按时提交');
    await admin.keyboard.press('Enter');
    await admin.keyboard.press('Enter'); // leaves the list
    await button(admin, '链接').click();
    const linkDialog = admin.getByRole('dialog', { name: '链接' });
    await linkDialog.getByLabel('链接地址').fill('https://www.cnca.gov.cn/');
    await button(linkDialog, '确定').click();
    await body.locator('a[href="https://www.cnca.gov.cn/"]').waitFor();

    // The first upload saves the new announcement as a draft, then shows the file with a progress bar.
    const [chooser] = await Promise.all([
      admin.waitForEvent('filechooser'),
      button(admin, '上传附件', false).click(),
    ]);
    await chooser.setFiles(pdfPath);
    await admin.waitForURL(/\/admin\/announcements\/(?!new)[^/]+$/);
    announcementId = new URL(admin.url()).pathname.split('/').pop()!;
    await expectMessage(admin, '附件“notice.pdf”已上传');
    await admin.getByRole('link', { name: 'notice.pdf' }).waitFor();

    // What the server kept after sanitising, shown back in the editor.
    await body.locator('h3', { hasText: '办理须知' }).waitFor();
    await body.locator('p > b, p > strong').filter({ hasText: '全部申请在线提交' }).waitFor();
    await body.locator('ul > li').filter({ hasText: '按时提交' }).waitFor();
    await snap(admin, 'admin-announcement-editor');

    await button(admin, '预览').click();
    const preview = admin.getByRole('dialog', { name: '预览（公众看到的样式）' });
    await preview.getByRole('heading', { name: TITLE }).waitFor();
    await preview.locator('h3', { hasText: '办理须知' }).waitFor();
    await preview.getByRole('link', { name: /notice\.pdf/ }).waitFor();
    await snap(admin, 'admin-announcement-preview');
    await button(preview, '关闭').last().click(); // the footer's, not the corner ×

    await button(admin, '发布').click(); // not 定时发布
    await confirmPopup(admin);
    await expectMessage(admin, '公告已发布');
    await admin.getByText('已发布', { exact: true }).waitFor();

    await button(admin, '返回').last().click(); // the footer's (the arrow in the title does the same)
    await admin.waitForURL('**/admin/announcements');
    const r = row(admin, TITLE);
    await r.getByText('已发布').waitFor();
    await button(r, '置顶').click();
    await confirmPopup(admin);
    await expectMessage(admin, '公告已置顶');
    await button(r, '取消置顶').waitFor();
    await r.locator('.ant-tag').filter({ hasText: '置顶' }).waitFor();
    await snap(admin, 'admin-announcements');
  });

  it('anyone sees the pinned announcement on the home page and downloads its attachment', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    watch(page, 'public');
    await page.goto(server.url);
    await page.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(`**/announcements/${announcementId}`);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await page.getByText('置顶', { exact: true }).waitFor();
    await page.getByText('全部申请在线提交').waitFor();
    const link = page.getByRole('link', { name: /notice\.pdf/ });
    const href = await link.getAttribute('href');
    expect(href).toBeTruthy();
    const res = await page.request.get(new URL(href!, server.url).toString());
    expect(res.status()).toBe(200);
    expect(Buffer.compare(await res.body(), fs.readFileSync(pdfPath))).toBe(0);
    await snap(page, 'public-announcement-detail');
    await context.close();
  });

  it('approves a user waiting to join an organisation', async () => {
    // Two registrations under one code: the second waits for approval (registered through the API).
    const api = await request.newContext({ baseURL: server.url });
    const register = async (username: string, email: string) => {
      const session = (await (await api.get('/api/auth/session')).json()) as { csrfToken: string };
      const res = await api.post('/api/auth/register', {
        headers: { 'x-csrf-token': session.csrfToken },
        data: {
          acceptDeclaration: true,
          username,
          password: 'Enterprise-Pass-1',
          confirmPassword: 'Enterprise-Pass-1',
          orgCode: '91350100M000100Y43',
          orgNameZh: '深圳进口贸易有限公司',
          divisionCode: '440305',
          orgAddress: '深圳市南山区科技园一路1号',
          orgPostcode: '518000',
          contactName: username === 'first_user' ? '王一' : '陈二',
          mobile: '13900139000',
          email,
        },
      });
      expect(res.status(), await res.text()).toBeLessThan(300);
      await api.post('/api/auth/logout', { headers: { 'x-csrf-token': session.csrfToken } }).catch(() => {});
    };
    await register('first_user', 'first@example.cn');
    await register('second_user', 'second@example.cn');
    await api.dispose();

    await admin.getByRole('link', { name: '待确认用户' }).click();
    const r = row(admin, 'second_user');
    await r.getByText('深圳进口贸易有限公司').waitFor();
    await snap(admin, 'admin-pending-users');
    await button(r, '通过').click();
    await confirmPopup(admin);
    await expectMessage(admin, '已通过用户“second_user”');
    await admin.getByText('暂无待确认的用户').waitFor();
  });

  it('replaces the user manual with a PDF and restores the default', async () => {
    await admin.getByRole('link', { name: '用户手册' }).click();
    await admin.getByText('系统默认手册', { exact: true }).waitFor();
    await snap(admin, 'admin-manual-default');
    const [chooser] = await Promise.all([
      admin.waitForEvent('filechooser'),
      button(admin, '上传新手册', false).click(),
    ]);
    await chooser.setFiles(pdfPath);
    await expectMessage(admin, '新手册已上传');
    await admin.getByText('管理员上传的手册').waitFor();
    await admin.getByText('notice.pdf').waitFor();
    const res = await admin.request.get(`${server.url}/api/manual`);
    expect(Buffer.compare(await res.body(), fs.readFileSync(pdfPath))).toBe(0);
    await snap(admin, 'admin-manual-uploaded');

    await button(admin, '恢复默认', false).click();
    await confirmPopup(admin);
    await expectMessage(admin, '已恢复为系统默认手册');
    await admin.getByText('系统默认手册', { exact: true }).waitFor();
  });

  it('the administrator’s password page checks the current password', async () => {
    await admin.getByRole('button', { name: '修改密码' }).click(); // the person icon
    await admin.waitForURL('**/admin/password');
    await admin.getByLabel('当前密码').fill('Not-The-Password-1');
    await admin.getByLabel('新密码', { exact: true }).fill('Another-Pass-2026');
    await admin.getByLabel('确认新密码').fill('Another-Pass-2026');
    await button(admin, '保存').click();
    await admin.getByText('当前密码不正确').waitFor();
    await snap(admin, 'admin-password');
  });

  it('the officer logs in, sees the 广东 bureau workspace and changes the password', async () => {
    officerContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    officerContext.setDefaultTimeout(10_000);
    officer = await officerContext.newPage();
    watch(officer, 'officer');
    await login(officer, server.url, OFFICER.username, OFFICER.password);
    // the officer lands on 待办事项; 本局信息 shows the bureau and its officers
    await officer.waitForURL(/\/bureau$/);
    await officer.getByRole('heading', { name: '待办事项' }).waitFor();
    await officer.getByRole('link', { name: '本局信息' }).click();
    await officer.waitForURL(/\/bureau\/workspace$/);
    await officer.getByText('您好，李审核').waitFor();
    await officer.getByText('广东省市场监督管理局', { exact: true }).first().waitFor();
    await officer.getByText('440000', { exact: true }).waitFor();
    await officer.getByText('省级').waitFor();
    await officer.getByText(/受理\/退回 \d+ 个工作日、办结 \d+ 个工作日/).waitFor();
    await officer.getByText('广东省', { exact: true }).waitFor();
    await row(officer, OFFICER.username).getByText('本人').waitFor();
    await snap(officer, 'bureau-workspace');

    await officer.getByRole('link', { name: '修改密码' }).click();
    await officer.getByLabel('当前密码').fill(OFFICER.password);
    await officer.getByLabel('新密码', { exact: true }).fill(OFFICER.newPassword);
    await officer.getByLabel('确认新密码').fill('Mismatch-Pass-1');
    await button(officer, '保存').click();
    await officer.getByText('两次输入的密码不一致').waitFor();
    await officer.getByLabel('确认新密码').fill(OFFICER.newPassword);
    await button(officer, '保存').click();
    await expectMessage(officer, '密码已修改');
    await snap(officer, 'bureau-password');
  });

  it('shows the pages in English too', async () => {
    await officer.getByRole('link', { name: '待办事项' }).click();
    await officer.getByRole('link', { name: '本局信息' }).click();
    await button(officer, 'English', false).click();
    await officer.getByText('Hello, 李审核').waitFor();
    await officer.getByText('Provincial').waitFor();
    await snap(officer, 'bureau-workspace-en');
    await button(officer, '中文', false).click();
    await officer.getByText('您好，李审核').waitFor();

    await admin.getByRole('link', { name: '审核人员账号' }).click();
    await button(admin, 'English', false).click();
    await row(admin, OFFICER.username).getByText('Active').waitFor();
    await snap(admin, 'admin-officers-en');
    await admin.getByRole('link', { name: 'Announcements' }).click();
    await row(admin, TITLE).getByText('Published').waitFor();
    await snap(admin, 'admin-announcements-en');
    await row(admin, TITLE).getByRole('link', { name: TITLE }).click();
    await admin.getByRole('button', { name: 'Bold' }).waitFor();
    await snap(admin, 'admin-announcement-editor-en');
    await admin.getByRole('link', { name: 'User manual' }).click();
    await admin.getByText('Default manual', { exact: true }).waitFor();
    await snap(admin, 'admin-manual-en');
    await button(admin, '中文', false).click();
    await admin.getByRole('link', { name: '审核人员账号' }).click();
  });

  it('edits the officer and resets the password', async () => {
    const r = row(admin, OFFICER.username);
    await button(r, '修改').click();
    const dialog = admin.getByRole('dialog', { name: '修改审核人员' });
    await expect(dialog.getByLabel('手机').inputValue()).resolves.toBe('13800138000');
    await dialog.getByLabel('手机').fill('13900000001');
    await button(dialog, '保存').click();
    await expectMessage(admin, '保存成功');
    await r.getByText('13900000001').waitFor();

    await button(r, '重置密码').click();
    const reset = admin.getByRole('dialog', { name: '重置密码：李审核' });
    await reset.getByLabel('新密码', { exact: true }).fill(OFFICER.resetPassword);
    await reset.getByLabel('确认新密码').fill(OFFICER.resetPassword);
    await snap(admin, 'admin-officer-reset-password');
    await button(reset, '确定').click();
    await expectMessage(admin, `“${OFFICER.username}”的密码已重置`);
    await reset.waitFor({ state: 'hidden' });
  });

  it('a disabled officer is logged out and cannot log in until enabled again', async () => {
    // The officer logs in with the password the administrator set.
    await login(officer, server.url, OFFICER.username, OFFICER.resetPassword);
    await officer.waitForURL(/\/bureau$/);

    const r = row(admin, OFFICER.username);
    await button(r, '停用').click();
    await confirmPopup(admin);
    await expectMessage(admin, '已停用“李审核”的账号');
    await r.getByText('停用', { exact: true }).first().waitFor();
    await button(r, '启用').waitFor();

    // The open session has ended: the workspace sends the officer back to the home page.
    await officer.reload();
    await officer.waitForURL((u) => !u.pathname.startsWith('/bureau'));

    await login(officer, server.url, OFFICER.username, OFFICER.resetPassword);
    await officer.getByRole('alert').filter({ hasText: '该账号已停用，请联系管理员' }).waitFor();
    expect(new URL(officer.url()).pathname).toBe('/');
    await snap(officer, 'officer-disabled-login');

    await button(r, '启用').click();
    await confirmPopup(admin);
    await expectMessage(admin, '已启用“李审核”的账号');
    await login(officer, server.url, OFFICER.username, OFFICER.resetPassword);
    await officer.waitForURL(/\/bureau$/);
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
