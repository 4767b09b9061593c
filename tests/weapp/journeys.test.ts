import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { phonePhoto } from '../support/images.js';
import { seedDemo } from '../../prisma/seed.js';
import { TEST_APPID } from '../support/harness.js';
import { useHarness } from '../support/use-harness.js';
import { addRosterOwner, cn, electionSite, makeUser, openElection, uniquePhone } from '../support/factories/index.js';
import { WeappApp } from './weapp.js';

/**
 * People using the weapp build as WeChat runs it (docs/weapp-tests.md): requests over real HTTP to
 * the BFF, wx.login answered with a code minted at the simulator, taps dispatched as WeChat events.
 */
const h = useHarness(async () => ({}));
const apps: WeappApp[] = [];

async function phoneOf(openid: string) {
  const app = await WeappApp.start({ apiBase: h.url, simBase: h.simUrl, openid });
  apps.push(app);
  return app;
}

afterEach(async () => {
  for (const app of apps.splice(0)) {
    const r = await app.report().catch(() => null);
    await app.close();
    // every journey ends without an error or a template warning in the app
    if (r) expect([...r.errors, ...r.warnings.filter((w) => w.includes('WXMLRT_'))]).toEqual([]);
  }
});

describe('weapp journeys', { timeout: 90_000 }, () => {
  it('a resident signs in with wx.login, binds a phone with the getPhoneNumber button and binds a home', async () => {
    await seedDemo(h.db, TEST_APPID);
    const unit = await h.db.unit.findFirstOrThrow({
      where: { community: { name: '梧桐苑' }, building: { name: '3号楼' } },
      include: { building: true },
      orderBy: { number: 'asc' },
    });
    const national = uniquePhone();
    await addRosterOwner(h.db, unit.id, national, '陈业主');
    const user = await makeUser(h.db, TEST_APPID);
    const app = await phoneOf(user.openid);

    await app.open('pages/index/index');
    await app.follow('/pages/phone/index');
    await app.waitForText('微信手机号快捷授权');
    const code = await h.mintPhoneCode(national);
    await app.event('[class*="button"], wx-button', 'getphonenumber', { errMsg: 'getPhoneNumber:ok', code });
    await app.follow('/pages/index/index');
    await app.follow('/pages/bind/index');
    await app.tap('梧桐苑');
    await app.tap(unit.building.name);
    await app.tap(`${unit.number}室`);
    await app.tap('业主');
    await app.waitForText('已绑定');
    const me = await h.db.user.findUniqueOrThrow({ where: { id: user.id }, include: { memberships: true } });
    expect(me.phone).toBe(cn(national));
    expect(me.memberships).toEqual([expect.objectContaining({ unitId: unit.id, status: 'VERIFIED' })]);
    await app.tap('进入首页');
    await app.follow('/pages/home/index');
    for (const module of ['报修', '缴费', '投票']) expect(await app.text()).toContain(module);
  });
});

describe('weapp journeys: repairs and fees', { timeout: 90_000 }, () => {
  it('a resident files a repair with a photo (chooseMedia, uploadFile), and a manager accepts it', async () => {
    await seedDemo(h.db, TEST_APPID);
    const photo = join(mkdtempSync(join(tmpdir(), 'wyt-weapp-')), 'wxfile-photo.jpg');
    writeFileSync(photo, await phonePhoto());
    const resident = await phoneOf('demo-owner');
    await resident.call('setChosenFiles', { files: [photo] });
    await resident.open('pages/repairs/new');
    await resident.waitForText('提交报修');
    await resident.tap('添加图片');
    await expect.poll(() => resident.count('wx-image'), { timeout: 15_000 }).toBe(1);
    await resident.input('wx-input', '卫生间地漏', 0);
    await resident.input('wx-input', '返水，有异味', 1);
    await resident.tap('提交报修');
    await resident.follow('/pages/repairs/detail');
    const repair = await h.db.repairRequest.findFirstOrThrow({ where: { part: '卫生间地漏' } });
    expect(repair).toMatchObject({ phenomenon: '返水，有异味', status: 'SUBMITTED' });
    expect(await h.db.upload.count({ where: { claimKind: 'repair', claimId: repair.id } })).toBe(1);
    const calls = (await resident.report()).calls.map((c) => c.api);
    expect(calls).toEqual(expect.arrayContaining(['chooseMedia', 'uploadFile']));

    const manager = await phoneOf('demo-manager-wutong');
    await manager.open('pages/repairs/detail', { id: repair.id });
    await manager.waitForText('接收');
    await manager.tap('接收');
    await expect
      .poll(async () => (await h.db.repairRequest.findUniqueOrThrow({ where: { id: repair.id } })).status)
      .toBe('ACCEPTED');
  });

  it('a resident pays a bill: requestPayment gets WeChat Pay v3 parameters, the payment is made at the simulator, the bill is paid', async () => {
    await seedDemo(h.db, TEST_APPID);
    const app = await phoneOf('demo-owner');
    await app.open('pages/fees/index');
    let text = await app.waitForText('微信支付（');
    if (/微信支付（0笔）/.test(text)) {
      await app.tapSelector('[data-testid="bill-row"], [class*="bill-row"]');
      text = await app.text();
    }
    const label = /微信支付（\d+笔）/.exec(text)![0];
    await app.tap(label);
    await expect
      .poll(async () => (await app.report()).calls.some((c) => c.api === 'requestPayment'), { timeout: 15_000 })
      .toBe(true);
    const params = (await app.report()).calls.find((c) => c.api === 'requestPayment')!.args;
    // docs/wechat.md §5: what the mini-program hands to wx.requestPayment
    expect(params).toEqual({
      timeStamp: expect.stringMatching(/^\d{10}$/),
      nonceStr: expect.stringMatching(/^\w{16,32}$/),
      package: expect.stringMatching(/^prepay_id=\S+$/),
      signType: 'RSA',
      paySign: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/),
    });
    await expect
      .poll(async () => (await h.db.payOrder.findFirst({ where: { state: 'PAID' } }))?.state, { timeout: 20_000 })
      .toBe('PAID');
    await app.follow('/packages/fees/receipt', 20_000);
  });
});

describe('weapp journeys: owners vote', { timeout: 90_000 }, () => {
  it('an owner casts a ballot on the vote page and gets a receipt code', async () => {
    const site = await electionSite(h);
    const election = await openElection(h, site.committee, site.A.community.id);
    const app = await phoneOf(site.ownerE.openid);
    await app.open('packages/committee/votes/detail', { id: election.id });
    await app.waitForText('张三');
    await app.tap('张三');
    await app.tap('李四');
    await app.tap('提交选票（已选 2/3）');
    await app.waitForText('投票成功', 15_000);
    expect((await app.report()).calls.find((c) => c.api === 'showModal')?.args.title).toBe('确认提交选票？');
    const result = await site.committee.call('GET', `/api/committee/elections/${election.id}`);
    expect(result.status).toBe(200);
    expect(await h.db.ballot.count({ where: { electionId: election.id } })).toBe(1);
  });
});

describe('weapp journeys: desk login', { timeout: 90_000 }, () => {
  it("a cashier's phone opens the page WeChat opens on scanning a desk's code and confirms the desk login", async () => {
    await seedDemo(h.db, TEST_APPID);
    // The desk browser asks for a ticket (the BFF keeps it on the browser's cookie) and shows its code.
    const ua = { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/130.0.0.0 Safari/537.36' };
    const created = await h.call('POST', '/api/desk/tickets', { headers: ua });
    expect(created.status).toBe(201);
    const ticket = created.body.ticket as string;
    const desk = { ...ua, cookie: created.headers.get('set-cookie')!.split(';')[0]! };
    const image = await fetch(`${h.url}/api/desk/tickets/${ticket}/code`, { headers: desk });
    const scanned = await h.sim<{ page: string; query: Record<string, string>; launchScene: number }>(
      '/sim/wxacode/scan',
      {
        imageBase64: Buffer.from(await image.arrayBuffer()).toString('base64'),
      },
    );

    const phone = await phoneOf('demo-cashier');
    await phone.open(scanned.page, scanned.query, scanned.launchScene);
    await phone.waitForText('收银台电脑请求登录');
    // The desk now shows two digits drawn at the scan; the cashier types them on the phone.
    const digits = (await h.call('GET', `/api/desk/tickets/${ticket}`, { headers: desk })).body.matchCode as string;
    expect(digits).toMatch(/^\d{2}$/);
    await phone.input('wx-input', digits);
    await phone.tap('确认登录');
    await expect
      .poll(async () => (await h.call('GET', `/api/desk/tickets/${ticket}`, { headers: desk })).body?.state)
      .toBe('CONFIRMED');
  });
});
