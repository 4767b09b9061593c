import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { createCompany } from '../bff/src/admin/companies.js';
import { useHarness } from './support/use-harness.js';
import { TEST_APPID } from './support/harness.js';
import { ADMIN_DATABASE_URL, databaseUrl } from './support/env.js';
import { makeUser, uniquePhone } from './support/factories/index.js';

/**
 * Starting a company (issue 27, docs/import.md): `npm run admin -- create-company` makes the company
 * and a one-time invitation — a mini-program code file and a link — that only the phone it names can
 * accept, becoming the company's administrator.
 */
const clock = new ManualClock(atBeijing('2026-11-20', 10 * 60));
const h = useHarness({ clock });
const root = resolve(import.meta.dirname, '..');
const outDir = () => mkdtempSync(join(tmpdir(), 'wyt-invite-'));

/** Someone signed in on their phone, WeChat having verified `national` as their number. */
async function phoneUser(national: string | undefined) {
  const user = await makeUser(h.db, TEST_APPID, national ? { phone: national } : {});
  const token = await h.loginAs(user.openid);
  return {
    userId: user.id,
    call: (path: string, invitation: string) => h.call('POST', path, { token, body: { token: invitation } }),
  };
}

/** `npm run admin -- …` as a person runs it on the server. */
function admin(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(
      join(root, 'node_modules/.bin/tsx'),
      ['bff/src/admin/cli.ts', ...args],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'development',
          LOG_LEVEL: 'silent',
          REDIS_URL: 'memory://',
          ...env,
        },
      },
      (err, stdout, stderr) => done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('create-company', () => {
  it('prints a code WeChat made for the invitation page and a link; the invited phone accepts and becomes company admin', async () => {
    const national = uniquePhone();
    const printout = await createCompany(h.deps, { name: '新物业公司', adminPhone: national, outDir: outDir() });
    expect(printout.imageError).toBeNull();
    const token = /scene=([0-9A-Za-z]{32})$/.exec(printout.link)![1]!;
    const scanned = await h.sim<{ page: string; query: { scene: string } }>('/sim/wxacode/scan', {
      imageBase64: readFileSync(printout.imagePath!).toString('base64'),
    });
    expect(scanned).toMatchObject({ page: 'packages/staff/invitation/index', query: { scene: token } });
    expect(await h.db.invitation.count({ where: { tokenHash: token } })).toBe(0); // only its hash is kept

    const stranger = await phoneUser(uniquePhone());
    const noPhone = await phoneUser(undefined);
    for (const who of [stranger, noPhone]) {
      expect((await who.call('/api/invitations/preview', token)).status).toBe(404);
      expect((await who.call('/api/invitations/accept', token)).status).toBe(404);
    }

    const invitee = await phoneUser(national);
    const preview = await invitee.call('/api/invitations/preview', token);
    expect(preview.body).toMatchObject({
      company: '新物业公司',
      community: null,
      roleName: '物业公司管理员',
      accepted: false,
    });
    const accepted = await invitee.call('/api/invitations/accept', token);
    expect([accepted.status, accepted.body.role]).toEqual([200, 'COMPANY_ADMIN']);
    expect((await invitee.call('/api/invitations/accept', token)).status).toBe(200); // again: already done
    const roles = await h.db.staffRole.findMany({ where: { userId: invitee.userId } });
    expect(roles.map((r) => [r.companyId, r.communityId, r.role])).toEqual([
      [printout.companyId, null, 'COMPANY_ADMIN'],
    ]);

    const duplicate = createCompany(h.deps, { name: '新物业公司', adminPhone: national, outDir: outDir() });
    await expect(duplicate).rejects.toThrow(/exists already/);
  });

  it('an invitation not accepted within 7 days has expired', async () => {
    const national = uniquePhone();
    const printout = await createCompany(h.deps, {
      name: `过期物业${randomBytes(3).toString('hex')}`,
      adminPhone: national,
      outDir: outDir(),
    });
    const token = /scene=(\w{32})$/.exec(printout.link)![1]!;
    clock.advance(7 * 86_400_000);
    const res = await (await phoneUser(national)).call('/api/invitations/accept', token);
    expect([res.status, res.body.code]).toEqual([410, 'INVITATION_EXPIRED']);
  });
});

describe('npm run admin', () => {
  it('refuses a database whose migrations are behind and says what to run', async () => {
    const name = `wyt_t_admin_${randomBytes(4).toString('hex')}`;
    const c = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
    await c.connect();
    await c.query(`CREATE DATABASE "${name}"`);
    try {
      const run = await admin(['create-company', '--name', '甲物业', '--admin-phone', '13912345678'], {
        DATABASE_URL: databaseUrl(name),
        WECHAT_APPID: 'wx_x',
        WECHAT_SECRET: 'x',
      });
      expect(run.code).toBe(78);
      expect(run.stderr).toMatch(/migration\(s\) not applied[\s\S]*npm run db:migrate/);
    } finally {
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    }
  });

  it('invite-admin makes a new invitation for an existing company (recovery)', async () => {
    const company = await h.db.propertyCompany.create({ data: { name: `恢复物业${randomBytes(3).toString('hex')}` } });
    const national = uniquePhone();
    const run = await admin(['invite-admin', '--company', company.name, '--phone', national, '--out', outDir()], {
      DATABASE_URL: h.deps.config.databaseUrl,
      WECHAT_APPID: TEST_APPID,
      WECHAT_SECRET: h.deps.config.wechat.secret,
      WECHAT_API_BASE: h.simUrl,
      WECHAT_MINIPROGRAM_STATE: 'developer',
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/mini-program code: \/.*invitation-[0-9a-f-]+\.jpg/);
    const token = /scene=(\w{32})/.exec(run.stdout)![1]!;
    const accepted = await (await phoneUser(national)).call('/api/invitations/accept', token);
    expect([accepted.status, accepted.body.companyId]).toEqual([200, company.id]);
  });
});
