import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { billedOwner, eventually, openBills } from './support/factories/index.js';
import { startStack, type Harness } from './support/harness.js';
import { ADMIN_DATABASE_URL, databaseUrl } from './support/env.js';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';

/**
 * The restore drill (docs/production.md, Backups): a database with a paid bill is dumped with
 * `pg_dump`, restored with `pg_restore` into a database created empty, and a BFF started on it — with
 * a Redis of its own, empty, as after losing Redis too — shows the resident, signed in again, the same
 * bills and the receipt.
 */
const run = promisify(execFile);
const clock = new ManualClock(atBeijing('2026-11-20', 10 * 60));
const h = useHarness({ clock, worker: true });
const dir = mkdtempSync(join(tmpdir(), 'wyt-backup-'));
let restored: Harness | undefined;
afterAll(async () => {
  await restored?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function admin(sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

const major = (version: string) => Number(/(\d+)(\.\d+)?/.exec(version)![1]);

describe('backup and restore (issue 28)', () => {
  it('pg_dump → pg_restore into an empty database → the app starts on it and a resident sees bills and receipt', async () => {
    const { site, owner } = await billedOwner(h, ['2026-09', '2026-10']);
    const unit = site.units[0]!;
    const [first] = await openBills(owner, unit.id);
    const ordered = await owner.call('POST', '/api/pay/orders', { body: { billIds: [first!.id] } });
    expect(ordered.status).toBe(201);
    const orderId = ordered.body.order.id as string;
    await h.sim('/sim/pay/pay', { outTradeNo: ordered.body.order.outTradeNo });
    const receipt = await eventually(async () => {
      const res = await owner.call('GET', `/api/pay/orders/${orderId}`);
      expect(res.body).toMatchObject({ state: 'PAID', receiptNo: expect.stringMatching(/^SJ/) });
      return res.body;
    }, 10_000);
    const bills = async (call: typeof owner.call) =>
      Promise.all(
        (['paid', 'unpaid'] as const).map(async (status) => {
          const res = await call('GET', `/api/bills?unitId=${unit.id}&status=${status}`);
          expect(res.status).toBe(200);
          return res.body.items;
        }),
      );
    const before = await bills(owner.call);
    expect(before[0]).toEqual([expect.objectContaining({ id: first!.id, state: 'PAID', receiptOrderId: orderId })]);
    expect(before[1]).toHaveLength(1);

    // pg_dump refuses a server of a newer major version than its own: say so plainly.
    const server = (await admin('SHOW server_version')).rows[0].server_version as string;
    const { stdout: dumpVersion } = await run('pg_dump', ['--version']);
    expect(
      major(dumpVersion.replace(/^\D+/, '')),
      `${dumpVersion.trim()} for PostgreSQL ${server}`,
    ).toBeGreaterThanOrEqual(major(server));

    // The dump: one file in the custom format (compressed, restorable table by table), taken while the app runs.
    const file = join(dir, 'wyt.dump');
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${h.deps.config.databaseUrl}`]);
    expect(statSync(file).size).toBeGreaterThan(0);

    // Restored into a database created empty (template0: nothing of ours in it beforehand).
    const name = `wyt_t_${inject('runId')}_restore_${randomBytes(4).toString('hex')}`;
    await admin(`CREATE DATABASE "${name}" TEMPLATE template0`);
    const target = {
      url: databaseUrl(name),
      drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => {}),
    };
    await run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${target.url}`, file]);

    // A fresh BFF on it, on an empty Redis prefix: sessions are not backed up, so the old token is dead.
    restored = await startStack(target, { clock: new ManualClock(clock.now()) });
    const ready = await restored.call('GET', '/readyz');
    expect(ready.body).toEqual({ ready: true, db: 'ok', redis: 'ok', migrations: 'current' });
    expect((await restored.call('GET', '/api/me', { token: owner.token })).body.code).toBe('SESSION_EXPIRED');

    // The resident signs in again, as the app does by itself on SESSION_EXPIRED, and finds everything.
    const token = await restored.loginAs(owner.openid);
    const again = (method: string, path: string) => restored!.call(method, path, { token });
    expect((await again('GET', '/api/me')).body).toMatchObject({ id: owner.userId });
    expect(await bills(again)).toEqual(before);
    expect((await again('GET', `/api/pay/orders/${orderId}`)).body).toEqual(receipt);
  }, 60_000);
});
