import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, snap } from './helpers/browser';
import { E2E_ADMIN, repoRoot, startServer, type RunningServer } from './helpers/server';

const SYSTEM_NAME = 'CCC免办及特殊用途进口产品检测处理管理系统';
const PINNED = '关于CCC免办系统升级期间业务办理安排的公告';
const NEWER = '2026年第三季度强制性产品认证目录调整说明';
const DRAFT = '尚未发布的草稿公告';

/** The administrator's API, from a context of its own: what the administration pages would do. */
async function adminApi(browser: Browser, url: string) {
  const context = await browser.newContext({ baseURL: url });
  const request = context.request;
  const csrf = async () =>
    ((await (await request.get('/api/auth/session')).json()) as { csrfToken: string }).csrfToken;
  const login = await request.post('/api/auth/login', {
    headers: { 'x-csrf-token': await csrf() },
    data: { username: E2E_ADMIN.username, password: E2E_ADMIN.password },
  });
  expect(login.status()).toBe(200);
  const token = ((await login.json()) as { csrfToken: string }).csrfToken;
  const post = async (p: string, data: unknown = {}) => {
    const res = await request.post(p, { headers: { 'x-csrf-token': token }, data });
    expect(res.ok(), `${p}: ${await res.text()}`).toBe(true);
    return (await res.json()) as { id: string };
  };
  return { context, request, token, post };
}

async function newPage(browser: Browser, url: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 900 } });
  return { context, page: await context.newPage() };
}

describe('home page in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let request: APIRequestContext;
  let pinnedId: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const admin = await adminApi(browser, server.url);
    request = admin.request;
    const pinned = await admin.post('/api/admin/announcements', {
      title: PINNED,
      bodyHtml:
        '<p>系统将于<strong>本周六 20:00 至 24:00</strong>进行升级，期间暂停受理。</p><ul><li>已提交的申请不受影响</li><li>如有疑问请联系当地市场监督管理局</li></ul>',
      pinned: true,
    });
    pinnedId = pinned.id;
    const pdf = fs.readFileSync(path.join(repoRoot, 'apps/server/test/fixtures/notice.pdf'));
    const upload = await request.post(`/api/admin/announcements/${pinnedId}/attachments`, {
      headers: { 'x-csrf-token': admin.token },
      multipart: { file: { name: '升级安排.pdf', mimeType: 'application/pdf', buffer: pdf } },
    });
    expect(upload.status(), await upload.text()).toBe(201);
    await admin.post(`/api/admin/announcements/${pinnedId}/publish`);
    const newer = await admin.post('/api/admin/announcements', {
      title: NEWER,
      bodyHtml: '<p>目录调整。</p>',
    });
    await admin.post(`/api/admin/announcements/${newer.id}/publish`);
    await admin.post('/api/admin/announcements', { title: DRAFT, bodyHtml: '<p>草稿</p>' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the login box, the manual link and the announcements, pinned first', async () => {
    const { context, page } = await newPage(browser, server.url);
    await page.goto('/');
    await page.getByRole('heading', { name: SYSTEM_NAME }).waitFor();

    // the login box
    await page.getByLabel('用户名').waitFor();
    expect(await page.getByLabel('密码', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '登录' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: '注册' }).getAttribute('href')).toBe('/register');
    expect(await page.getByRole('link', { name: '忘记密码' }).getAttribute('href')).toBe('/forgot-password');
    // CAPTCHA=off: no captcha field
    expect(await page.getByLabel('验证码', { exact: true }).count()).toBe(0);

    // the manual: a real PDF behind the link
    const manual = page.getByRole('link', { name: '用户操作手册下载' });
    expect(await manual.getAttribute('href')).toBe('/api/manual');
    const pdf = await request.get('/api/manual');
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 4).toString()).toBe('%PDF');

    // 认监委发布的信息: published only, pinned first with its tag
    const list = page.getByRole('list', { name: '认监委发布的信息' });
    await list.getByRole('listitem').first().waitFor();
    const items = await list.getByRole('listitem').allInnerTexts();
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('置顶');
    expect(items[0]).toContain(PINNED);
    expect(items[1]).toContain(NEWER);
    expect(items[1]).not.toContain('置顶');
    expect(items.join('\n')).not.toContain(DRAFT);
    expect(items[0]).toMatch(/\d{4}-\d{2}-\d{2}/);
    await snap(page, 'home');
    await context.close();
  });

  it('opens an announcement with its body and attachment, and goes back', async () => {
    const { context, page } = await newPage(browser, server.url);
    await page.goto('/');
    await page.getByRole('link', { name: PINNED }).click();
    await page.waitForURL(`**/announcements/${pinnedId}`);
    await page.getByRole('heading', { name: PINNED }).waitFor();
    expect(await page.getByText('已提交的申请不受影响').isVisible()).toBe(true);
    // the server's sanitised HTML is rendered as formatting, not shown as tags
    expect(await page.locator('.rich-text strong').innerText()).toBe('本周六 20:00 至 24:00');
    const attachment = page.getByRole('link', { name: '升级安排.pdf' });
    const href = await attachment.getAttribute('href');
    expect(href).toMatch(new RegExp(`^/api/announcements/${pinnedId}/attachments/`));
    const file = await request.get(href!);
    expect(file.status()).toBe(200);
    expect((await file.body()).subarray(0, 4).toString()).toBe('%PDF');
    await snap(page, 'announcement-detail');

    await page.getByRole('button', { name: '返回' }).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('heading', { name: SYSTEM_NAME }).waitFor();
    await context.close();
  });

  it('switches to English and back from the header', async () => {
    const { context, page } = await newPage(browser, server.url);
    await page.goto('/');
    await page.getByRole('button', { name: 'English' }).click();
    await page
      .getByRole('heading', { name: 'CCC Exemption and Special-Use Import Testing Management System' })
      .waitFor();
    expect(await page.getByLabel('User name').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Download the user manual' }).isVisible()).toBe(true);
    await snap(page, 'home-en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: SYSTEM_NAME }).waitFor();
    await context.close();
  });

  it('asks for the image captcha when it is on, refreshing it on click and after a failed attempt', async () => {
    const guarded = await startServer({ CAPTCHA: 'on' });
    try {
      const { context, page } = await newPage(browser, guarded.url);
      await page.goto('/');
      const image = page.getByRole('img', { name: '图片验证码' });
      await image.waitFor();
      const first = await image.getAttribute('src');
      expect(first).toMatch(/^data:image\/svg\+xml/);
      await page.getByRole('button', { name: '看不清？点击刷新' }).click();
      await expect.poll(() => image.getAttribute('src')).not.toBe(first);
      await snap(page, 'home-captcha');

      const before = await image.getAttribute('src');
      await page.getByLabel('用户名').fill(E2E_ADMIN.username);
      await page.getByLabel('密码', { exact: true }).fill(E2E_ADMIN.password);
      await page.getByLabel('验证码', { exact: true }).fill('0000');
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('alert').getByText('验证码错误或已过期，请重新输入').waitFor();
      await expect.poll(() => image.getAttribute('src')).not.toBe(before);
      expect(page.url()).toBe(`${guarded.url}/`);
      await context.close();
    } finally {
      await guarded.stop();
    }
  });

  it('sends a visitor of the portal to the home page to log in', async () => {
    const { context, page } = await newPage(browser, server.url);
    await page.goto('/portal/profile');
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('button', { name: '登录' }).waitFor();
    await context.close();
  });
});
