import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, snap } from './helpers/browser';
import { startServer, type RunningServer } from './helpers/server';

describe('home page in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the system name', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await expect(
      page.getByRole('heading', { name: 'CCC免办及特殊用途进口产品检测处理管理系统' }).isVisible(),
    ).resolves.toBe(true);
    await snap(page, 'home');
  });
});
