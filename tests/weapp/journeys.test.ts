import { afterEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../prisma/seed.js';
import { TEST_APPID } from '../support/harness.js';
import { useHarness } from '../support/use-harness.js';
import { addRosterOwner, cn, makeUser, uniquePhone } from '../support/factories/index.js';
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
