import { describe, expect, it } from 'vitest';
import { tapButton, useBrowserStack } from './browser.js';

/**
 * Desk login as it happens at a property office: the desk computer's browser shows a mini-program
 * code; the cashier scans it with WeChat (the simulator recognises the picture and says which page
 * WeChat opens), confirms on the phone (a second browser context running the mini-program H5), and
 * the desk lands on the cashier desk.
 */
const stack = useBrowserStack();

describe('收银台扫码登录', { timeout: 120_000 }, () => {
  it('the desk shows a code, the cashier scans and confirms on the phone, the desk opens the cashier desk', async () => {
    const desk = await stack.newPage({ desk: true });
    await desk.goto(`${stack.url}/#/packages/cashier/login/index`);
    const code = desk.getByTestId('desk-code').locator('img');
    await code.waitFor();
    await expect
      .poll(() => desk.evaluate("document.querySelector('[data-testid=desk-code] img')?.naturalWidth ?? 0"))
      .toBeGreaterThan(0);
    await desk.getByText('请用微信扫描二维码登录').waitFor();
    await stack.shot(desk, '58-desk-login-code');

    // The phone's camera sees the picture the desk shows (fetched with the desk's own cookie).
    const picture = await desk
      .context()
      .request.get(await code.getAttribute('src').then((src) => new URL(src!, stack.url).href));
    expect(picture.headers()['content-type']).toBe('image/jpeg');
    const scan = await stack.h.sim<{ path: string; launchScene: number }>('/sim/wxacode/scan', {
      imageBase64: (await picture.body()).toString('base64'),
    });
    expect(scan.launchScene).toBe(1047);

    const phone = await stack.newPage();
    await stack.devLogin(phone, '收银员 · 梧桐苑');
    await phone.getByText('收银台', { exact: true }).waitFor();
    // The same code passed on as a picture (long press, scene 1048): the page only explains how to scan.
    await phone.goto(`${stack.url}/#${scan.path}&launchScene=1048`);
    await phone
      .getByTestId('desk-scan-with-camera')
      .getByText(/扫一扫/)
      .first()
      .waitFor();
    await desk.getByText('请用微信扫描二维码登录').waitFor();
    // The camera scan (WeChat's launch scene, which the H5 development build takes from the URL).
    await phone.goto(`${stack.url}/#${scan.path}&launchScene=${scan.launchScene}`);
    await phone.reload();
    await phone.getByText('收银台电脑请求登录').waitFor();
    await phone.getByText('Chrome', { exact: false }).first().waitFor();
    // Before the digits, the warning against codes or digits someone sent (docs/wechat.md §6).
    await phone.getByText('只在您本人面前的电脑上登录；如有人发来二维码或验证码，请勿操作').waitFor();
    await desk.getByText(/已扫码，请在手机上点“确认登录”/).waitFor();
    // The desk now shows two digits; the cashier types them on the phone.
    const digits = (await desk.getByTestId('desk-match-code').innerText()).trim();
    expect(digits).toMatch(/^\d{2}$/);
    await phone.locator('[data-testid="desk-match-input"] input').fill(digits);
    await stack.shot(phone, '59-desk-login-confirm');
    await tapButton(phone, '确认登录');
    await phone.getByText('已确认，收银台正在登录').waitFor();

    await desk
      .getByTestId('desk-bar')
      .getByText(/梧桐苑/)
      .waitFor();
    await desk.getByTestId('desk-tabs').waitFor();
    await stack.shot(desk, '60-desk-cashier-home');
    // The phone now lists the desk as signed in.
    await phone
      .getByTestId('desk-decided')
      .getByText(/Chrome \d+ · /)
      .waitFor();

    // Leaving the desk ends the session: back at the code.
    await tapButton(desk, '退出登录');
    await desk.getByText('退出登录', { exact: true }).last().click();
    await desk.getByText('请用微信扫描二维码登录').waitFor();
    const login = await stack.h.db.deskLogin.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
    expect(login.endedReason).toBe('LOGOUT');
  });
});
