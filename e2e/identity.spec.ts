import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { orgCodeCheckChar, usccCheckChar } from '@ccc/domain';
import { launchBrowser, snap } from './helpers/browser';
import { startServer, type RunningServer } from './helpers/server';

/** A valid 18-character unified social credit code with a fresh embedded organisation code. */
function newUscc(): string {
  const org8 = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  const first17 = `91440305${org8}${orgCodeCheckChar(org8)}`;
  return first17 + usccCheckChar(first17);
}

/** The .eml files are quoted-printable: soft line breaks and =XX bytes of UTF-8. */
function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? joined.slice(i + 1, i + 3) : '';
    if (/^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Waits for the outbox worker to write the reset-code mail to this address, and reads the code. */
async function resetCodeFor(server: RunningServer, email: string, after: Set<string>): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    for (const mail of server.mails()) {
      if (after.has(mail.file)) continue;
      const text = decodeQuotedPrintable(mail.text);
      const code = /(?:验证码为：|code is: )(\d{6})/.exec(text)?.[1];
      if (text.includes(email) && code) return code;
    }
    if (Date.now() > deadline) throw new Error(`no reset code mail to ${email}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function login(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

async function logout(page: Page, serverUrl: string) {
  await page.getByRole('button', { name: '退出系统' }).click();
  // the app replaces the address itself (history API), which waitForURL does not always see: poll it
  await expect.poll(() => page.url(), { timeout: 15_000 }).toBe(`${serverUrl}/`);
  await page.getByRole('button', { name: '登录' }).waitFor();
}

interface Registrant {
  username: string;
  password: string;
  orgCode: string;
  orgName: string;
  contactName: string;
  mobile: string;
  email: string;
}

/** 注册 from the home page: the declaration, then the form as a user fills it in. */
async function register(
  page: Page,
  r: Registrant,
  opts: { joinsExisting?: boolean; screenshots?: boolean } = {},
) {
  await page.goto('/');
  await page.getByRole('link', { name: '注册' }).click();
  await page.getByRole('heading', { name: '注册用户声明' }).waitFor();
  if (opts.screenshots) await snap(page, 'register-declaration');
  const proceed = page.getByRole('button', { name: '同意并继续' });
  expect(await proceed.isDisabled()).toBe(true);
  await page.getByLabel('我已阅读并同意《注册用户声明》').check();
  await proceed.click();

  const form = page.locator('form');
  await form.getByLabel('用户名').waitFor();
  if (opts.screenshots) {
    // 注册 with nothing filled in: every required field says so
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await page.getByText('此项为必填项').first().waitFor();
    // the code is checked inline, with the exact problem
    await form
      .getByLabel('统一社会信用代码/组织机构代码')
      .fill(r.orgCode.slice(0, 17) + (r.orgCode[17] === '0' ? '1' : '0'));
    await page.getByText('代码校验位不正确，请核对').waitFor();
    await snap(page, 'register-errors');
    await page.getByRole('button', { name: '重填' }).click();
    expect(await form.getByLabel('统一社会信用代码/组织机构代码').inputValue()).toBe('');
  }

  await form.getByLabel('用户名').fill(r.username);
  await form.getByLabel('密码', { exact: true }).fill(r.password);
  await form.getByLabel('确认密码').fill(r.password);
  await form.getByLabel('统一社会信用代码/组织机构代码').fill(r.orgCode.toLowerCase());
  await form.getByLabel('联系人', { exact: true }).click(); // leaving the code field looks it up
  if (opts.joinsExisting) {
    await page.getByText(`该单位已在本系统注册：${r.orgName}`).waitFor();
    expect(await form.getByLabel('申请单位', { exact: true }).inputValue()).toBe(r.orgName);
    expect(await form.getByLabel('申请单位地址').count()).toBe(0);
  } else {
    expect(await form.getByLabel('统一社会信用代码/组织机构代码').inputValue()).toBe(r.orgCode);
    await form.getByLabel('申请单位', { exact: true }).fill(r.orgName);
    await form.getByLabel('申请单位英文名称').fill('Shenzhen Example Import Co., Ltd.');
    await form.getByLabel('所在地区').click();
    await page.locator('.ant-cascader-menu-item', { hasText: /^广东省$/ }).click();
    await page.locator('.ant-cascader-menu-item', { hasText: /^深圳市$/ }).click();
    await page.locator('.ant-cascader-menu-item', { hasText: /^南山区$/ }).click();
    await form.getByLabel('申请单位地址').fill('深圳市南山区科技园科苑路15号');
    await form.getByLabel('申请单位邮编').fill('518057');
  }
  await form.getByLabel('联系人', { exact: true }).fill(r.contactName);
  await form.getByLabel('联系人手机').fill(r.mobile);
  await form.getByLabel('联系人邮箱').fill(r.email);
  await form.getByLabel('固定电话').fill('0755-26888888');
  if (opts.screenshots) await snap(page, 'register-form');
  await page.getByRole('button', { name: '注册', exact: true }).click();
}

describe('identity in Chromium: register, log in, enterprise information, password recovery', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const run = Date.now().toString(36);
  const first: Registrant = {
    username: `importer_${run}`,
    password: 'Import-2026a',
    orgCode: newUscc(),
    orgName: '深圳示例进口贸易有限公司',
    contactName: '王敏',
    mobile: '13800138000',
    email: `importer_${run}@example.com`,
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('registers a new organisation, logs in, changes enterprise information, logs out', async () => {
    context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await register(page, first, { screenshots: true });
    await page.getByText('注册成功').first().waitFor();
    expect(await page.getByText(`用户 ${first.username} 已注册成功`).isVisible()).toBe(true);
    await snap(page, 'register-done');

    // log in: the first login says so, and the enterprise lands on its applications
    await page.getByRole('button', { name: '返回登录' }).click();
    await login(page, first.username, first.password);
    await page.waitForURL('**/portal/applications');
    await page.getByText('这是您第一次登录本系统').waitFor();
    for (const column of [
      '申请编号',
      '证明号',
      '免办条款',
      '产品',
      '受理市场监督管理局',
      '提交日期',
      '状态',
      '操作',
    ])
      await page.getByRole('columnheader', { name: column, exact: true }).waitFor();
    await page.getByText('暂无免办申请').waitFor();
    await page.getByRole('button', { name: '新增申请' }).waitFor();
    await snap(page, 'portal-applications');

    // 修改企业信息 behind the person icon: the organisation's address changes and stays changed
    await page.getByRole('button', { name: '修改企业信息' }).click();
    await page.waitForURL('**/portal/profile');
    const address = page.getByLabel('申请单位地址');
    await expect.poll(() => address.inputValue()).toBe('深圳市南山区科技园科苑路15号');
    await page.getByText(first.orgCode).waitFor();
    await page
      .locator('.ant-cascader')
      .getByText(/南山区/)
      .first()
      .waitFor();
    await address.fill('深圳市南山区粤海街道高新南一道8号');
    await page.getByLabel('联系人手机').fill('13900139000');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('保存成功').waitFor();
    // 成员: the user is listed, marked as the one logged in
    await page.getByRole('cell', { name: `${first.username} 本人` }).waitFor();
    await snap(page, 'portal-profile');
    await page.reload();
    await expect
      .poll(() => page.getByLabel('申请单位地址').inputValue())
      .toBe('深圳市南山区粤海街道高新南一道8号');
    expect(await page.getByLabel('联系人手机').inputValue()).toBe('13900139000');

    // 修改密码
    await page.getByRole('menuitem', { name: '修改密码' }).click();
    await page.waitForURL('**/portal/password');
    await page.getByLabel('当前密码').fill(first.password);
    await page.getByLabel('新密码', { exact: true }).fill('Import-2026b');
    await page.getByLabel('确认新密码').fill('Import-2026c');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('两次输入的密码不一致').waitFor();
    await page.getByLabel('确认新密码').fill('Import-2026b');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('密码已修改').waitFor();
    first.password = 'Import-2026b';
    await snap(page, 'portal-password');

    // 退出系统, then the next login tells when and from where the last one was
    await logout(page, server.url);
    await login(page, first.username, first.password);
    await page.waitForURL('**/portal/applications');
    await page.getByText(/上次登录：\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}，IP 127\.0\.0\.1/).waitFor();
    await snap(page, 'portal-last-login');

    // the portal in English, from the header's switch
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('columnheader', { name: 'Application no.' }).waitFor();
    await snap(page, 'portal-applications-en');
    await page.getByRole('menuitem', { name: 'Enterprise info' }).click();
    await page.getByLabel('Organisation address').waitFor();
    await snap(page, 'portal-profile-en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByLabel('申请单位地址').waitFor();

    // a logged-in visitor of the home page gets 进入系统 instead of the login box
    await page.goto('/');
    await page.getByRole('button', { name: '进入系统' }).waitFor();
    expect(await page.getByRole('button', { name: '登录' }).count()).toBe(0);
    await snap(page, 'home-logged-in');
    await page.getByRole('button', { name: '进入系统' }).click();
    await page.waitForURL('**/portal/applications');
    await logout(page, server.url);
  });

  it('recovers a forgotten password with the code from the mail, then logs in with the new one', async () => {
    await page.getByRole('link', { name: '忘记密码' }).click();
    await page.waitForURL('**/forgot-password');
    // the router keeps the home page (with its own 用户名 field) on screen until the page's chunk is in
    await page.getByText('请填写注册时填写的用户名和联系人邮箱').waitFor();
    const before = new Set(server.mails().map((m) => m.file));
    await page.getByLabel('用户名').fill(first.username);
    await page.getByLabel('邮箱').fill(first.email);
    await snap(page, 'forgot-identity');
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('如果用户名与邮箱匹配，验证码已发送至该邮箱').waitFor();
    expect(await page.getByRole('button', { name: /秒后重新发送/ }).isDisabled()).toBe(true);

    const code = await resetCodeFor(server, first.email, before);
    const wrong = code === '000000' ? '111111' : '000000';
    await page.getByLabel('验证码', { exact: true }).fill(wrong);
    await page.getByLabel('新密码', { exact: true }).fill('Recover-2026x');
    await page.getByLabel('确认新密码').fill('Recover-2026x');
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('验证码错误、已过期或已使用').waitFor();
    await snap(page, 'forgot-reset');
    await page.getByLabel('验证码', { exact: true }).fill(code);
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('密码已重置').waitFor();
    await snap(page, 'forgot-done');

    // the old password no longer works; the error shows in the login box
    await page.getByRole('button', { name: '返回登录' }).click();
    await login(page, first.username, first.password);
    await page.getByRole('alert').getByText('用户名或密码错误').waitFor();
    expect(await page.getByLabel('密码', { exact: true }).inputValue()).toBe('');
    await snap(page, 'home-login-failed');
    await login(page, first.username, 'Recover-2026x');
    await page.waitForURL('**/portal/applications');
    await logout(page, server.url);
    await context.close();
  });

  it('lets a second user join the organisation, waiting until a member approves', async () => {
    const ctx = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
    const p = await ctx.newPage();
    const second: Registrant = {
      username: `colleague_${run}`,
      password: 'Colleague-2026',
      orgCode: first.orgCode,
      orgName: first.orgName,
      contactName: '李强',
      mobile: '13700137000',
      email: `colleague_${run}@example.com`,
    };
    await register(p, second, { joinsExisting: true });
    await p.getByText('注册成功，等待本单位确认').waitFor();
    await snap(p, 'register-done-pending');

    // until approved, the portal shows only the waiting notice
    await p.getByRole('button', { name: '返回登录' }).click();
    await login(p, second.username, second.password);
    await p.getByText('您的账号正在等待本单位已有用户或管理员确认').waitFor();
    expect(await p.getByRole('columnheader', { name: '申请编号' }).count()).toBe(0);
    await snap(p, 'portal-pending');
    await p.getByRole('menuitem', { name: '修改企业信息' }).click();
    await p.getByText('您的账号正在等待本单位已有用户或管理员确认').waitFor();
    expect(await p.getByLabel('申请单位地址').count()).toBe(0);

    // the first user approves in 成员
    const ctx1 = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
    const p1 = await ctx1.newPage();
    await p1.goto('/');
    await login(p1, first.username, 'Recover-2026x');
    await p1.waitForURL('**/portal/applications');
    await p1.getByRole('button', { name: '修改企业信息' }).click();
    const row = p1.getByRole('row', { name: new RegExp(second.username) });
    await row.getByText('待本单位确认').waitFor();
    await snap(p1, 'portal-profile-members');
    await row.getByRole('button', { name: '通过' }).click();
    await p1.getByRole('button', { name: '确定' }).click();
    await row.getByText('正常').waitFor();
    await ctx1.close();

    // the colleague checks again and is in
    await p.getByRole('button', { name: '刷新状态' }).click();
    await p.getByLabel('申请单位地址').waitFor();
    await ctx.close();
  });
});
