import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { tapButton, type useBrowserStack } from './browser.js';

/** What every console E2E needs: axe on a screen, a printed PDF's text, and a desk signed in by scan. */
type Stack = ReturnType<typeof useBrowserStack>;
const PDFJS = join(import.meta.dirname, '../../node_modules/pdfjs-dist');

/** The serious and critical axe violations on what the page shows now, one line each. */
export async function axeFindings(page: Page, screen: string, opts: { include?: string } = {}) {
  const builder = new AxeBuilder({ page });
  const { violations } = await (opts.include ? builder.include(opts.include) : builder).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.html).join(', ')}`);
}

/** No serious or critical axe violation on what the page shows now (#26: every console screen). */
export async function axe(page: Page, screen: string) {
  expect(await axeFindings(page, screen)).toEqual([]);
}

/** The first page's text of a PDF (page.pdf), whitespace removed. */
export async function pdfText(pdf: Buffer) {
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    cMapUrl: `${PDFJS}/cmaps/`, // Chromium writes Chinese in CID fonts: their character maps
    cMapPacked: true,
    standardFontDataUrl: `${PDFJS}/standard_fonts/`,
  }).promise;
  const page = await doc.getPage(1);
  const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
  await doc.destroy();
  return text.replace(/\s+/g, '');
}

/**
 * A desk signed in as a demo user (the label of the H5 dev login, e.g. '小区经理 · 梧桐苑'): the console
 * shows its code, that person's phone scans it and confirms the two digits (docs/wechat.md §6).
 * `print` is counted in `window.printed` instead of opening a dialog.
 */
export async function signInAtDesk(
  stack: Stack,
  demoUser: string,
  viewport: { width: number; height: number } = { width: 1366, height: 768 },
) {
  const phone = await stack.newPage();
  await stack.devLogin(phone, demoUser);
  // Signed in and the home shown: a jump before the login's own reLaunch to home lands would be undone by it
  // (a company admin's home, with two communities, took long enough for that).
  await phone.getByTestId('home').waitFor();
  const desk = await signInAtDeskWith(stack, phone, viewport);
  await phone.close();
  return desk;
}

/** The same with a phone already signed in as its person (anyone, not only a demo user); the phone stays open. */
export async function signInAtDeskWith(
  stack: Stack,
  phone: Page,
  viewport: { width: number; height: number } = { width: 1366, height: 768 },
) {
  const desk = await stack.newPage({ desk: true, viewport });
  await desk.addInitScript('window.printed = 0; window.print = () => { window.printed += 1; };');
  await desk.goto(`${stack.url}/console/`);
  const code = desk.getByTestId('desk-code').locator('img');
  await code.waitFor();
  await expect
    .poll(() => desk.evaluate("document.querySelector('[data-testid=desk-code] img')?.naturalWidth ?? 0"))
    .toBeGreaterThan(0);
  const picture = await desk.context().request.get(new URL((await code.getAttribute('src'))!, stack.url).href);
  const scan = await stack.h.sim<{ path: string; launchScene: number }>('/sim/wxacode/scan', {
    imageBase64: (await picture.body()).toString('base64'),
  });
  await phone.goto(`${stack.url}/#${scan.path}&launchScene=${scan.launchScene}`);
  await phone.reload();
  await phone.getByText('收银台电脑请求登录').waitFor();
  const digits = (await desk.getByTestId('desk-match-code').innerText()).trim();
  await phone.locator('[data-testid="desk-match-input"] input').fill(digits);
  await tapButton(phone, '确认登录');
  await desk.getByRole('button', { name: '结束本次登录' }).waitFor();
  return desk;
}
