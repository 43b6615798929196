import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from './server';

/** Debian's Chromium (never a downloaded one). */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  ) as string[];
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found (apt-get install chromium)');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export const screenshotDir = path.join(repoRoot, '.tmp/screenshots');

/**
 * Screenshot for a person to look at (in .tmp/screenshots, not committed): the full page, or with
 * `{ fullPage: false }` what the window shows (for the manual, where a very tall page would not fit).
 */
export async function snap(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({
    path: path.join(screenshotDir, `${name}.png`),
    fullPage: opts.fullPage ?? true,
    animations: 'disabled',
  });
}

/**
 * Clicks `button` in the confirmation (modal or popover) that a 提交 or a decision opens. It first waits for
 * the confirmation's opening animation to end: a click while antd zooms it in can be lost.
 */
export async function confirmIn(page: Page, button: string): Promise<void> {
  const dialog = page
    .locator('.ant-popconfirm:visible, .ant-popover:visible, .ant-modal-confirm:visible')
    .last();
  await dialog.waitFor();
  await dialog.evaluate((el) =>
    Promise.all(
      el
        .getAnimations({ subtree: true })
        .filter((a) => a.effect?.getTiming().iterations !== Infinity) // a spinner never ends
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  await dialog.getByRole('button', { name: button }).last().click();
}
