import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tapButton, tapCell, useBrowserStack } from './browser.js';
import { signInAtDeskWith } from './console-kit.js';
import { workbook } from '../support/factories/import.js';
import { createCompany } from '../../bff/src/admin/companies.js';
import { beijingDay } from '../../bff/src/beijing.js';

/**
 * Go live (#27, docs/import.md §Starting a company): from nothing to money, driven as people do, a
 * screenshot at each step. `npm run admin -- create-company` → the first admin accepts on the phone →
 * signs in at the desk → imports a workbook (one bad row, fixed after the dry run) → invites a manager and
 * a cashier, who accept → sets a fee standard (收费标准) → bills the month (账单生成) → an owner on the
 * roster binds at once and pays with WeChat Pay → the cashier sees it in 收款日报.
 */
const stack = useBrowserStack();
const COMPANY = '启航物业服务有限公司';
const COMMUNITY = '启航家园';
const PHONES = { admin: '13900270001', manager: '13900270002', cashier: '13900270003', owner: '13900270004' };
const HOUSES = ['楼栋', '楼栋类型', '房号', '楼层', '建筑面积', '专有面积', '面积来源', '交付日期'];
const OWNERS = ['楼栋', '房号', '姓名', '手机号', '身份'];
const sheets = (area: unknown) => ({
  房屋: [
    HOUSES,
    ['1号楼', '高层', '101', 1, 89.56, 72.3, '产权登记', '2024-06-30'],
    ['1号楼', '高层', '102', 1, area, 72.3, null, '2024-06-30'],
  ],
  业主: [OWNERS, ['1号楼', '101', '王启航', PHONES.owner, '业主']],
});
let step = 0;
const shot = (page: Page, name: string) => stack.shot(page, `2${String(++step).padStart(2, '0')}-golive-${name}`);

/**
 * A person's own phone: WeChat signs a new user in (what wx.login does in the mini-program; the H5
 * build's development login stands in, with an openid of this person's own), and they verify their number.
 */
async function phoneOf(openid: string, national: string) {
  const page = await stack.newPage();
  const token = await stack.h.loginAs(openid);
  await page.goto(stack.url);
  const stored = (key: string, value: string) =>
    `localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(JSON.stringify({ data: value }))});`;
  await page.evaluate(stored('wyt.session', token) + stored('wyt.demo-openid', openid));
  await page.goto(`${stack.url}/#/pages/index/index`);
  await page.reload();
  await page.getByTestId('phone-page').locator('input').first().fill(national);
  await tapButton(page, '绑定手机号');
  await page.getByText('选择小区').waitFor();
  return page;
}

/** What a WeChat scan of an invitation's mini-program code opens: its page with the token as `scene`. */
async function openScanned(phone: Page, imageBase64: string) {
  const scan = await stack.h.sim<{ page: string; query: { scene: string } }>('/sim/wxacode/scan', { imageBase64 });
  await phone.goto(`${stack.url}/#/${scan.page}?scene=${scan.query.scene}`);
  await phone.reload();
  await phone.getByTestId('invitation').waitFor();
}

async function accept(phone: Page, role: string) {
  await phone.getByTestId('invitation').getByText(role).first().waitFor();
  await tapButton(phone, '接受邀请');
  await phone.getByTestId('invitation-accepted').getByText('已接受邀请').waitFor();
}

async function open(desk: Page, link: string) {
  await desk.getByRole('navigation', { name: '功能导航' }).getByRole('link', { name: link, exact: true }).click();
  await desk.getByRole('heading', { level: 1, name: link }).waitFor();
}

async function upload(desk: Page, name: string, file: Buffer) {
  await desk.getByLabel(/上传填好的文件/).setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  });
  await desk.getByTestId('import-counts').waitFor();
}

/** 人员与角色 › 邀请: the phone and role typed in; answers the code's picture, shown once. */
async function invite(desk: Page, national: string, role: string) {
  await desk.getByRole('button', { name: '邀请', exact: true }).click();
  const dialog = desk.locator('.t-dialog:visible');
  await dialog.locator('input[name=phone]').fill(national);
  if (role !== '小区经理') {
    await dialog.locator('.t-select').click();
    await desk.locator('.t-select-option', { hasText: role }).click();
  }
  await dialog.locator('.t-dialog__footer').getByRole('button', { name: '发出邀请' }).click();
  const code = desk.getByTestId('invitation-made').getByRole('img', { name: '邀请小程序码' });
  await code.waitFor();
  const src = (await code.getAttribute('src'))!;
  return src.slice(src.indexOf(',') + 1);
}

describe('上线：从零到第一笔收款', { timeout: 180_000 }, () => {
  it('a company is created, staffed, imports its roster, bills a month, and a resident pays', async () => {
    // 1. On the server: `npm run admin -- create-company` (its code, against this stack's database).
    const printout = await createCompany(stack.h.deps, {
      name: COMPANY,
      adminPhone: `+86${PHONES.admin}`,
      outDir: mkdtempSync(join(tmpdir(), 'wyt-golive-')),
    });
    expect(printout.imageError).toBeNull();
    // 2. The first admin scans the printed code on their phone and accepts.
    const adminPhone = await phoneOf('golive-admin', PHONES.admin);
    await openScanned(adminPhone, readFileSync(printout.imagePath!).toString('base64'));
    await shot(adminPhone, 'admin-invitation');
    await accept(adminPhone, '物业公司管理员');
    await shot(adminPhone, 'admin-accepted');

    // 3. Signs in at the desk by scanning its code with that phone.
    const desk = await signInAtDeskWith(stack, adminPhone);
    // A company with no community yet: the desk starts by creating the first one (小区与房屋's drawer).
    await desk.getByRole('heading', { name: '欢迎使用物业通' }).waitFor();
    await shot(desk, 'admin-first-community');
    await desk.getByRole('button', { name: '新建小区' }).click();
    const drawer = desk.locator('.t-drawer form');
    await drawer.getByLabel(/^小区名称/).fill(COMMUNITY);
    await drawer.getByLabel(/^地址/).fill('启航路 1 号');
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => desk.locator('.wyt-shell__community input').inputValue()).toBe(COMMUNITY);
    await shot(desk, 'admin-desk');

    // 4. 导入资料: a bad row found by the dry run, the fixed file applied.
    await open(desk, '导入资料');
    await upload(desk, '启航家园.xlsx', await workbook(sheets('八十九')));
    await desk
      .getByRole('region', { name: '预检错误' })
      .getByRole('cell', { name: '第 3 行「建筑面积」不是数字，或超过两位小数，或为 0' })
      .waitFor();
    expect(await desk.getByTestId('import-apply').count()).toBe(0);
    await shot(desk, 'import-errors');
    await upload(desk, '启航家园-改好.xlsx', await workbook(sheets(120.5)));
    await desk.getByText('预检结果：没有错误').waitFor();
    await desk.getByTestId('import-apply').click();
    await desk.locator('.t-dialog:visible').getByRole('button', { name: '导入' }).click();
    await desk
      .getByTestId('import-done')
      .getByText(/已导入.*房屋 2 套/)
      .waitFor();
    await shot(desk, 'import-applied');

    // 5. 人员与角色: a manager and a cashier invited; each scans the code on their phone and accepts.
    await open(desk, '人员与角色');
    const managerCode = await invite(desk, PHONES.manager, '小区经理');
    await shot(desk, 'invite-manager');
    await desk.locator('.t-dialog__footer').getByRole('button', { name: '完成' }).click();
    const cashierCode = await invite(desk, PHONES.cashier, '收银员');
    await desk.locator('.t-dialog__footer').getByRole('button', { name: '完成' }).click();
    const managerPhone = await phoneOf('golive-manager', PHONES.manager);
    await openScanned(managerPhone, managerCode);
    await accept(managerPhone, '小区经理');
    await shot(managerPhone, 'manager-accepted');
    await managerPhone.close();
    const cashierPhone = await phoneOf('golive-cashier', PHONES.cashier);
    await openScanned(cashierPhone, cashierCode);
    await accept(cashierPhone, '收银员');
    await shot(cashierPhone, 'cashier-accepted');

    // 6. 收费标准: 物业服务费 at ¥2.35 a ㎡ a month.
    await open(desk, '收费标准');
    await desk.getByRole('button', { name: '新建收费标准' }).click();
    const form = desk.getByRole('form', { name: '新建收费标准' });
    await form.locator('input[name=name]').fill('物业服务费');
    await form.locator('input[name=amount]').fill('2.35');
    await shot(desk, 'fee-standard-form');
    await form.getByRole('button', { name: '保存' }).click();
    const items = desk.getByRole('region', { name: '收费标准' });
    await items.getByRole('cell', { name: '2.35 元/㎡·月' }).waitFor();
    await shot(desk, 'fee-standard');

    // 7. 账单生成: this month previewed, then generated after the confirmation.
    const month = beijingDay(stack.h.deps.clock.now()).slice(0, 7);
    await open(desk, '账单生成');
    await desk.getByLabel(/^账期/).fill(month);
    await desk.getByRole('button', { name: '预览' }).click();
    await desk
      .getByTestId('billing-preview')
      .getByText(/将生成 2 笔/)
      .waitFor();
    await desk.getByRole('button', { name: '生成账单' }).click();
    await desk.locator('.t-dialog:visible').getByRole('button', { name: '生成账单' }).click();
    await desk.getByText(/已生成 2 笔账单/).waitFor();
    await shot(desk, 'billing');
    await desk.close();

    // 8. The owner on the roster binds 1号楼101 at once and pays with WeChat Pay.
    const owner = await phoneOf('golive-owner', PHONES.owner);
    await tapCell(owner, COMMUNITY);
    await tapCell(owner, '1号楼');
    await tapCell(owner, '101室');
    await tapCell(owner, '业主');
    await owner.getByText('已绑定').first().waitFor();
    await shot(owner, 'owner-bound');
    await tapButton(owner, '进入首页');
    await owner.getByText('缴费', { exact: true }).click();
    await owner.getByTestId('unpaid-bills').getByTestId('bill-row').first().waitFor();
    const total = await owner.getByTestId('pay-total').innerText();
    // 89.56 ㎡ × ¥2.35 = ¥210.466, to the fen (docs/domain.md §4).
    expect(total).toBe('¥210.47');
    await shot(owner, 'owner-bills');
    const [sheet] = await Promise.all([owner.context().waitForEvent('page'), tapButton(owner, '微信支付（1笔）')]);
    await sheet.getByText('确认支付', { exact: true }).click();
    await sheet.getByText('支付成功').waitFor();
    await sheet.close();
    await owner.getByTestId('receipt').waitFor();
    await shot(owner, 'owner-receipt');

    // 9. The cashier signs in at a desk and finds the payment in 收款日报.
    const cashierDesk = await signInAtDeskWith(stack, cashierPhone);
    await open(cashierDesk, '收款日报');
    await cashierDesk.getByTestId('takings-total').getByText(`微信支付 ${total}`).waitFor();
    await shot(cashierDesk, 'cashier-takings');
  });
});
