import { describe, expect, it } from 'vitest';
import { tapButton, useBrowserStack } from './browser.js';
import { axe, pdfText } from './console-kit.js';
import { amountInWords } from '../../console/src/lib/amount-in-words.js';

/**
 * The office console (#26) at a desk of 1366×768: a cashier signs in by scanning, takes cash for a unit
 * by keyboard alone, the receipt prints (to PDF here) with the amount in 大写, and the arrears table opens.
 * Every screen is checked by axe: no serious or critical violations.
 */
const stack = useBrowserStack();

describe('办公台：收银员的一天（第一部分）', { timeout: 60_000 }, () => {
  it('signs in by scan, takes cash by keyboard, prints the receipt, opens the arrears table', async () => {
    const desk = await stack.newPage({ desk: true, viewport: { width: 1366, height: 768 } });
    // Printing is counted, not shown: headless Chromium has no print dialog; page.pdf prints below.
    await desk.addInitScript('window.printed = 0; window.print = () => { window.printed += 1; };');
    await desk.goto(`${stack.url}/console/`);
    const code = desk.getByTestId('desk-code').locator('img');
    await code.waitFor();
    await expect
      .poll(() => desk.evaluate("document.querySelector('[data-testid=desk-code] img')?.naturalWidth ?? 0"))
      .toBeGreaterThan(0);
    await axe(desk, 'login');
    await stack.shot(desk, '70-console-login');

    // The phone scans the code the desk shows and confirms with the two digits (as tests/e2e/desk-login.test.ts).
    const picture = await desk.context().request.get(new URL((await code.getAttribute('src'))!, stack.url).href);
    const scan = await stack.h.sim<{ path: string; launchScene: number }>('/sim/wxacode/scan', {
      imageBase64: (await picture.body()).toString('base64'),
    });
    const phone = await stack.newPage();
    await stack.devLogin(phone, '收银员 · 梧桐苑');
    await phone.getByText('收银台', { exact: true }).waitFor();
    await phone.goto(`${stack.url}/#${scan.path}&launchScene=${scan.launchScene}`);
    await phone.reload();
    await phone.getByText('收银台电脑请求登录').waitFor();
    const digits = (await desk.getByTestId('desk-match-code').innerText()).trim();
    await phone.locator('[data-testid="desk-match-input"] input').fill(digits);
    await tapButton(phone, '确认登录');

    // The counter: the person and 结束本次登录 in view, the search focused.
    await desk.getByTestId('signed-in-person').getByText('钱收银').waitFor();
    await desk.getByRole('button', { name: '结束本次登录' }).waitFor();
    await expect.poll(() => desk.evaluate('document.activeElement?.id')).toBe('counter-q');
    await axe(desk, 'counter');
    await stack.shot(desk, '71-console-counter');

    // Keyboard only from here: ? lists the shortcuts, Esc closes, / back to the search.
    await desk.keyboard.press('?');
    await desk.getByTestId('shortcuts').waitFor();
    await axe(desk, 'shortcuts');
    await stack.shot(desk, '72-console-shortcuts');
    await desk.keyboard.press('Escape');
    await desk.getByTestId('shortcuts').waitFor({ state: 'hidden' });
    await desk.keyboard.press('/');
    await desk.keyboard.type('3-1-602');
    await desk.keyboard.press('Enter');
    const form = desk.getByRole('form', { name: '3号楼 602 收款' });
    await form.waitFor();
    const boxes = form.getByRole('checkbox');
    expect(await boxes.count()).toBeGreaterThan(0);
    await expect.poll(() => boxes.first().isChecked()).toBe(true);
    await expect.poll(() => desk.evaluate('document.activeElement?.value')).toBe('CASH');
    const total = (await desk.getByTestId('counter-total').locator('strong').innerText()).trim();
    const fen = Math.round(Number(total.replace(/[¥,]/g, '')) * 100);
    expect(fen).toBeGreaterThan(0);
    await axe(desk, 'counter with bills');
    await stack.shot(desk, '73-console-counter-bills');
    await desk.keyboard.press('Enter');

    // The receipt opens and asks the browser to print.
    await desk.getByTestId('receipt').waitFor();
    await expect.poll(() => desk.evaluate('window.printed')).toBe(1);
    const receiptNo = (await desk.getByTestId('receipt-no').innerText()).trim();
    expect(await desk.getByTestId('receipt-words').innerText()).toContain(amountInWords(fen));
    await axe(desk, 'receipt');
    await stack.shot(desk, '74-console-receipt-a5');
    const a5 = await pdfText(await desk.pdf({ preferCSSPageSize: true }));
    for (const part of ['梧桐苑', receiptNo, `人民币${amountInWords(fen)}`, total, '钱收银', '现金'])
      expect(a5).toContain(part.replace(/\s+/g, ''));
    await desk.getByRole('button', { name: '80mm 热敏纸' }).click();
    const thermal = await pdfText(await desk.pdf({ preferCSSPageSize: true }));
    expect(thermal).toContain(amountInWords(fen));
    await stack.shot(desk, '75-console-receipt-80mm');
    const paid = await stack.h.db.counterPayment.findFirstOrThrow({ where: { receiptNo } });
    expect(paid).toMatchObject({ amountFen: fen, channel: 'CASH' });

    // The arrears table: total and row count, sort and filters kept in the URL.
    await desk.getByRole('link', { name: '欠费清单' }).click();
    await desk
      .getByTestId('row-count')
      .getByText(/共 \d+ 户/)
      .waitFor();
    await expect.poll(() => desk.locator('.t-table tbody tr').count()).toBe(20);
    await desk.locator('th', { hasText: /^金额/ }).locator('.t-table__sort-icon').first().click();
    await expect.poll(() => desk.evaluate('location.hash')).toMatch(/sort=amountFen/);
    await axe(desk, 'arrears');
    await stack.shot(desk, '76-console-arrears');
    // A filter changes the URL and the total; the export holds exactly what is filtered.
    const count = desk.getByTestId('row-count');
    const unfiltered = await count.innerText();
    await desk.evaluate("location.hash = '#/arrears?minMonths=1&sort=amountFen:asc'");
    await expect.poll(() => count.innerText()).not.toBe(unfiltered);
    const filtered = Number(/共 (\d+) 户/.exec(await count.innerText())![1]);
    const download = desk.waitForEvent('download');
    await desk.getByRole('button', { name: '导出 CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^欠费清单-.*\.csv$/);
    const csv = (await (await file.createReadStream()).toArray()).join('');
    expect(csv.trim().split('\r\n')).toHaveLength(filtered + 1);

    // 结束本次登录: back at a fresh code, the desk login recorded as ended by logout.
    await desk.getByRole('button', { name: '结束本次登录' }).click();
    await desk.getByTestId('desk-code').locator('img').waitFor();
    const login = await stack.h.db.deskLogin.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
    expect(login.endedReason).toBe('LOGOUT');
  });
});
