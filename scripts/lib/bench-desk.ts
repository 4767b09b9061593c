import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DEMO_OPENIDS } from '../../prisma/seed.js';
import type { startStack } from '../../tests/support/harness.js';
import { startWorkerProcess } from '../../tests/support/worker-process.js';
import { freePort } from './ports.js';
import {
  COLUMNS,
  fee,
  feeYuan,
  noBillFaults,
  paymentRow,
  q,
  SUMMARY,
  yuan,
} from '../../simulator/src/pay/trade-bill.js';
import { reconcileJob } from '../../bff/src/reconcile/index.js';
import { JOBS_SCHEMA } from '../../bff/src/jobs/queue.js';

type Stack = Awaited<ReturnType<typeof startStack>>;
const print = (name: string, value: number, unit: string) => process.stdout.write(`BENCH ${name} ${value} ${unit}\n`);
const ROOT = join(import.meta.dirname, '../..');

/** Peak resident set of a process so far (VmHWM), in MB. */
async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024);
}

/**
 * reconcile_1m_s / reconcile_1m_rss_mb (#10: < 20 s, < 300 MB): 1,000,000 of our orders paid on one
 * day, and WeChat's bill of that day with a row for each — written in WeChat's format by the
 * simulator's own row writer (five-decimal fees, CRLF), with 5 orders left out and 5 amounts changed — reconciled by a real
 * worker process (the daily job), timed from the job's start to its end; the worker's peak RSS read
 * from /proc. The simulator serves the file as the day's bill.
 */
export async function benchReconcile(stack: Stack) {
  const n = Number(process.env.BENCH_RECONCILE_ROWS ?? 1_000_000);
  const day = '2026-10-15';
  const pay = stack.deps.config.pay!;
  const owner = await stack.db.user.findFirstOrThrow({
    where: { identities: { some: { openid: DEMO_OPENIDS.owner } } },
    include: { memberships: { take: 1, include: { unit: true } } },
  });
  const communityId = owner.memberships[0]!.unit.communityId;
  const paidAt = new Date(`${day}T10:00:00+08:00`);
  await stack.db.$executeRawUnsafe(
    `
    INSERT INTO "PayOrder" ("id", "outTradeNo", "communityId", "userId", "openid", "amountFen", "description", "state", "expiresAt", "createdAt", "paidAt", "transactionId", "settledAt")
    SELECT gen_random_uuid(), 'WYREC' || lpad(i::text, 12, '0'), '${communityId}', '${owner.id}', 'bench', 10000 + i % 50000, '物业费', 'PAID', $1::timestamp, $1::timestamp, $1::timestamp + (i % 36000) * interval '1 second',
           '4200REC' || lpad(i::text, 21, '0'), $1::timestamp
      FROM generate_series(1, ${n}) AS i`,
    paidAt,
  );
  // Vacuumed, as a day's orders are by the next morning when its bill is reconciled; and no
  // autovacuum of a million fresh rows then competes with the run measured.
  await stack.db.$executeRawUnsafe('VACUUM ANALYZE "PayOrder"');

  const file = join(tmpdir(), `wyt-bill-${randomBytes(4).toString('hex')}.csv`);
  const out = createWriteStream(file);
  const omitted = new Set([1, 2, 3, 4, 5].map((k) => Math.floor((k * n) / 7)));
  const changed = new Set([1, 2, 3, 4, 5].map((k) => Math.floor((k * n) / 11)));
  const sums = { rows: 0, settle: 0, fee: 0 };
  let chunk = `${COLUMNS.join(',')}\r\n`;
  for (let i = 1; i <= n; i++) {
    if (omitted.has(i)) continue;
    const totalFen = 10000 + (i % 50000) + (changed.has(i) ? 1 : 0);
    const at = new Date(paidAt.getTime() + 8 * 3600_000 + (i % 36000) * 1000).toISOString(); // written as Beijing time
    const row = paymentRow(
      {
        mchid: pay.mchid,
        appid: pay.appid,
        outTradeNo: `WYREC${String(i).padStart(12, '0')}`,
        description: '物业费',
        totalFen,
        openid: 'bench',
        notifyUrl: '',
        timeExpire: '',
        prepayId: '',
        fingerprint: '',
        state: 'SUCCESS',
        transactionId: `4200REC${String(i).padStart(21, '0')}`,
        successTime: at.replace('Z', '+08:00'),
        refundedFen: 0,
      },
      noBillFaults(),
    );
    sums.rows += 1;
    sums.settle += totalFen;
    sums.fee += fee(totalFen);
    chunk += `${row.map(q).join(',')}\r\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  chunk += `${SUMMARY.join(',')}\r\n${[String(sums.rows), yuan(sums.settle), '0.00', '0.00', feeYuan(sums.fee), yuan(sums.settle), '0.00'].map(q).join(',')}\r\n`;
  out.end(chunk);
  await once(out, 'finish');
  await stack.sim('/sim/pay/bill-file', { day, path: file });

  // Earlier benches leave queued work behind (the notify bench's order-query chains, thousands of
  // them): cleared, so the worker measured does the day's reconciliation and nothing else.
  await stack.db.$executeRawUnsafe(`DELETE FROM ${JOBS_SCHEMA}.job WHERE state IN ('created', 'retry')`);
  const worker = await startWorkerProcess(stack, stack.payEnv);
  const idle = await peakRssMb(worker.pid);
  try {
    const id = await stack.deps.jobs.send(reconcileJob, { day });
    for (;;) {
      const job = await stack.deps.jobs.boss.getJobById(reconcileJob.name, id!, { includeArchive: true });
      if (job?.state === 'completed') {
        const seconds = (new Date(job.completedOn!).getTime() - new Date(job.startedOn!).getTime()) / 1000;
        const run = await stack.db.reconcileRun.findUniqueOrThrow({ where: { day } });
        const kinds = await stack.db.reconcileDifference.groupBy({ by: ['kind'], where: { day }, _count: true });
        if (run.matchedCount !== n - 10 || kinds.length !== 2 || kinds.some((k) => k._count !== 5))
          throw new Error(`reconcile: matched ${run.matchedCount}, differences ${JSON.stringify(kinds)}`);
        if (run.wechatFeeMilliFen !== BigInt(sums.fee))
          throw new Error(`reconcile: fees ${run.wechatFeeMilliFen} (1/1000 fen), the bill's ${sums.fee}`);
        print('reconcile_1m_s', Math.round(seconds * 10) / 10, 's');
        print('reconcile_1m_rss_mb', await peakRssMb(worker.pid), 'MB');
        print('reconcile_worker_idle_rss_mb', idle, 'MB');
        break;
      }
      if (job && ['failed', 'cancelled'].includes(job.state))
        throw new Error(`reconcile job ${job.state}: ${JSON.stringify(job.output)}\n${worker.output().slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await worker.stop();
    await stack.sim('/sim/pay/bill-file', { day, path: null });
    await rm(file, { force: true });
  }
}

/**
 * export_100k_s (#10: < 5 s, < 300 MB): the arrears list of a community with 100,000 units in arrears,
 * downloaded as .xlsx from a BFF process of its own (query included, timed to the last byte); its
 * peak RSS read from /proc.
 */
export async function benchArrearsExport(stack: Stack) {
  const n = Number(process.env.BENCH_EXPORT_ROWS ?? 100_000);
  const company = await stack.db.propertyCompany.findFirstOrThrow();
  const community = await stack.db.community.create({
    data: { companyId: company.id, name: `欠费压测${randomBytes(3).toString('hex')}`, address: '压测路1号' },
  });
  const building = await stack.db.building.create({ data: { communityId: community.id, name: '1号楼' } });
  const item = await stack.db.feeItem.create({
    data: { communityId: community.id, kind: 'PROPERTY', name: '物业服务费', amountFen: 235, cycle: 'MONTH' },
  });
  await stack.db.$executeRawUnsafe(`
    INSERT INTO "Unit" ("id", "communityId", "buildingId", "number", "floor", "buildingArea", "exclusiveArea")
    SELECT gen_random_uuid(), '${community.id}', '${building.id}', lpad(i::text, 6, '0'), 1 + i % 30, 98.60, 80.15 FROM generate_series(1, ${n}) AS i`);
  await stack.db.$executeRawUnsafe(`
    INSERT INTO "Bill" ("id", "communityId", "unitId", "feeItemId", "period", "firstMonth", "months", "payer", "amountFen", "detail", "dueAt", "runId")
    SELECT gen_random_uuid(), u."communityId", u."id", '${item.id}', m, m, 1, 'OWNER', 23171, '98.60㎡ × 2.35元/㎡·月', (m || '-01')::date + interval '1 month' - interval '8 hours', gen_random_uuid()
      FROM "Unit" u, unnest(ARRAY['2026-08', '2026-09']) AS m WHERE u."communityId" = '${community.id}'`);
  await stack.db.$executeRawUnsafe('ANALYZE "Unit"; ANALYZE "Bill"');
  const cashier = await stack.db.user.findFirstOrThrow({
    where: { identities: { some: { openid: DEMO_OPENIDS.cashier } } },
  });
  await stack.db.staffRole.create({
    data: { userId: cashier.id, companyId: company.id, communityId: community.id, role: 'CASHIER' },
  });
  const token = await stack.loginAs(DEMO_OPENIDS.cashier);

  const c = stack.deps.config;
  const port = await freePort();
  const bff = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bff/src/main.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: c.databaseUrl,
      REDIS_URL: c.redisUrl,
      REDIS_KEY_PREFIX: c.redisKeyPrefix,
      WECHAT_APPID: c.wechat.appid,
      WECHAT_SECRET: c.wechat.secret,
      WECHAT_API_BASE: c.wechat.apiBase,
    },
    stdio: 'ignore',
  });
  try {
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      if (
        (await fetch(`${url}/healthz`).then(
          (r) => r.ok,
          () => false,
        )) === true
      )
        break;
      if (i > 150) throw new Error('the BFF process did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    const idle = await peakRssMb(bff.pid!);
    const t0 = performance.now();
    const res = await fetch(`${url}/api/staff/communities/${community.id}/arrears/export?format=xlsx`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const bytes = (await res.arrayBuffer()).byteLength;
    const seconds = (performance.now() - t0) / 1000;
    if (res.status !== 200 || bytes < n * 20) throw new Error(`export: ${res.status}, ${bytes} bytes`);
    print('export_100k_s', Math.round(seconds * 100) / 100, 's');
    print('export_100k_rss_mb', await peakRssMb(bff.pid!), 'MB');
    print('export_bff_idle_rss_mb', idle, 'MB');
  } finally {
    bff.kill('SIGKILL');
    await once(bff, 'exit').catch(() => undefined);
  }
}
