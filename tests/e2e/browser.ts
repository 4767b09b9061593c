import { existsSync, mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { seedDemo } from '../../prisma/seed.js';
import { createH5Server } from './h5-server.js';
import { startHarness, TEST_APPID, type Harness } from '../support/harness.js';
import { listen } from '../support/listen.js';

export const H5_ROOT = join(import.meta.dirname, '../../miniapp/dist-h5');
export const CONSOLE_ROOT = join(import.meta.dirname, '../../console/dist');
export const SCREENSHOTS = join(import.meta.dirname, '../.screenshots');

/** Debian's Chromium, never a downloaded one; the flags keep it off the (closed) network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The real BFF and simulator with the demo seed, the H5 build served in front of them, and Chromium. */
export async function startBrowserStack(opts: { worker?: boolean } = {}) {
  if (!existsSync(join(H5_ROOT, 'index.html'))) {
    throw new Error('miniapp/dist-h5 is missing: `npm test` builds it first (npm run build:h5:e2e)');
  }
  // Chromium starts while the stack starts and is seeded: neither waits for the other.
  const launching = chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  launching.catch(() => undefined); // reported below, once the stack is up (or has failed first)
  let h: Harness;
  let web: Awaited<ReturnType<typeof listen>>;
  try {
    h = await startHarness({ worker: opts.worker ?? false });
    await seedDemo(h.db, TEST_APPID);
    const stack = h;
    web = await listen({
      listen: (port, host, cb) =>
        createH5Server({ root: H5_ROOT, consoleRoot: CONSOLE_ROOT, bffUrl: stack.url, simUrl: stack.simUrl }).listen(
          port,
          host,
          cb,
        ) as Server,
    });
  } catch (err) {
    void launching.then((b) => b.close()).catch(() => undefined);
    throw err;
  }
  const browser: Browser = await launching;
  mkdirSync(SCREENSHOTS, { recursive: true });

  /** A fresh phone-sized (or desk-sized) browser context: its own storage and cookies, so its own session. */
  async function newPage(opts: { desk?: boolean; viewport?: { width: number; height: number } } = {}): Promise<Page> {
    const viewport = opts.viewport ?? (opts.desk ? { width: 1024, height: 768 } : { width: 390, height: 844 });
    const context = await browser.newContext({ viewport, deviceScaleFactor: opts.desk ? 1 : 2, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000); // generous: CI shares two cores with a webpack build (dev-boot test)
    return page;
  }

  async function shot(page: Page, name: string) {
    // Taro slides a new page in from the right: wait until it has arrived, so the picture shows it.
    await page
      .waitForFunction('document.documentElement.scrollWidth <= window.innerWidth + 1', null, { timeout: 3000 })
      .catch(() => undefined);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  /** Signs in as a demo user through the development login, as a developer would. */
  async function devLogin(page: Page, label: string) {
    await page.goto(web.url);
    await page.getByText('选择演示用户', { exact: true }).waitFor();
    await tapCell(page, label);
  }

  async function close() {
    await browser.close();
    await web.close();
    await h.close();
  }
  return { h, url: web.url, newPage, shot, devLogin, close };
}

/** One browser stack per test file, started before its tests and closed after them. */
export function useBrowserStack(opts: { worker?: boolean } = {}): BrowserStack {
  let current: BrowserStack | undefined;
  beforeAll(async () => {
    current = await startBrowserStack(opts);
  }, 60_000);
  afterAll(() => current?.close());
  return new Proxy({} as BrowserStack, {
    get: (_, key) => {
      if (!current) throw new Error('the browser stack is used before it started');
      return current[key as keyof BrowserStack];
    },
  });
}

export type BrowserStack = Awaited<ReturnType<typeof startBrowserStack>>;

/** NutUI's clickable cell takes the pointer events of its text: tap the cell that holds the label. */
export async function tapCell(page: Page, label: string) {
  await page.locator('.nut-cell', { has: page.getByText(label, { exact: true }) }).click();
}

export async function tapButton(page: Page, label: string) {
  await page
    .locator('.nut-button', { has: page.getByText(label, { exact: true }) })
    .first()
    .click();
}

/**
 * Chooses a file the way the browser build offers it (a file input behind chooseMedia or our PDF
 * picker): taps `button` and answers the file chooser with `content` saved as `name`.
 */
export async function chooseFile(page: Page, button: string, name: string, content: Buffer | string) {
  const dir = join(tmpdir(), `wyt-e2e-files-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name); // the name is what the app shows
  await writeFile(path, content);
  const chooser = page.waitForEvent('filechooser');
  await tapButton(page, button);
  await (await chooser).setFiles(path);
}
