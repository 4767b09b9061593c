import { randomUUID } from 'node:crypto';
import { Agent, createServer, request } from 'node:http';
import Koa from 'koa';
import pg from 'pg';
import { DEMO_OPENIDS } from '../../prisma/seed.js';
import type { startStack } from '../../tests/support/harness.js';
import { buildNotification, notifyEvent } from '../../simulator/src/pay/notify.js';
import { transactionView } from '../../simulator/src/pay/views.js';
import type { SimOrder } from '../../simulator/src/pay/state.js';
import { decryptResource, verifyWechatSignature } from '../../bff/src/wechat/pay-signature.js';
import { generateBills } from '../../bff/src/fees/generate-bills.js';
import { monthNumber } from '../../bff/src/fees/periods.js';
import { beijingMonth } from '../../bff/src/beijing.js';
import { CREDIT_STATEMENT } from '../../bff/src/pay/apply-transaction.js';
import { listen } from '../../tests/support/listen.js';
import { sendEach } from './cannon.js';

type Stack = Awaited<ReturnType<typeof startStack>>;
type Built = { headers: Record<string, string>; body: string };
const print = (name: string, value: number, unit: string) => process.stdout.write(`BENCH ${name} ${value} ${unit}\n`);

/** `n` pending orders of the demo owner, each holding one locked bill, and WeChat's notification for each. */
async function pendingOrdersWithNotifications(stack: Stack, n: number): Promise<Built[]> {
  const owner = await stack.db.user.findFirstOrThrow({
    where: { identities: { some: { openid: DEMO_OPENIDS.owner } } },
    include: { memberships: { where: { status: 'VERIFIED' }, take: 1, include: { unit: true } } },
  });
  const unit = owner.memberships[0]!.unit;
  const item = await stack.db.feeItem.create({
    data: { communityId: unit.communityId, kind: 'ONE_OFF', name: '压测费用', amountFen: 100 },
  });
  // Each bill its own month (i months after 2000-01): a unit's item covers a month once (Bill_month_once,
  // docs/domain.md §4), so n bills of one unit and item need n distinct months.
  const orders = Array.from({ length: n }, (_, i) => ({
    i,
    id: randomUUID(),
    bill: randomUUID(),
    no: `WYBENCH${String(i).padStart(10, '0')}`,
  }));
  const json = JSON.stringify(orders);
  await stack.db.$executeRaw`
    INSERT INTO "PayOrder" ("id", "outTradeNo", "communityId", "userId", "openid", "amountFen", "description", "expiresAt", "createdAt", "prepayId")
    SELECT o.id, o.no, ${unit.communityId}::uuid, ${owner.id}::uuid, 'bench', 100, '压测', now() + interval '15 minutes', now(), 'wx-bench'
      FROM jsonb_to_recordset(${json}::jsonb) AS o(id uuid, bill uuid, no text)`;
  await stack.db.$executeRaw`
    INSERT INTO "Bill" ("id", "communityId", "unitId", "feeItemId", "period", "firstMonth", "months", "payer", "amountFen", "detail", "dueAt", "state", "lockedOrderId", "runId")
    SELECT o.bill, ${unit.communityId}::uuid, ${unit.id}::uuid, ${item.id}::uuid, 'B' || o.no,
           to_char(date '2000-01-01' + (o.i * interval '1 month'), 'YYYY-MM'), 1, 'OWNER', 100, '压测', now(), 'PAYING', o.id, gen_random_uuid()
      FROM jsonb_to_recordset(${json}::jsonb) AS o(id uuid, bill uuid, no text, i int)`;
  await stack.db.$executeRaw`
    INSERT INTO "PayOrderItem" ("orderId", "billId", "amountFen") SELECT o.id, o.bill, 100 FROM jsonb_to_recordset(${json}::jsonb) AS o(id uuid, bill uuid, no text)`;
  const pay = stack.deps.config.pay!;
  const merchant = stack.simState.pay.merchants.get(pay.mchid)!;
  return orders.map((o, i) => {
    const sim: SimOrder = {
      mchid: pay.mchid,
      appid: pay.appid,
      outTradeNo: o.no,
      description: '压测',
      totalFen: 100,
      openid: 'bench',
      notifyUrl: '',
      timeExpire: '',
      prepayId: 'wx-bench',
      fingerprint: '',
      state: 'SUCCESS',
      transactionId: `4200BENCH${String(i).padStart(19, '0')}`,
      successTime: new Date().toISOString(),
      refundedFen: 0,
    };
    return buildNotification(
      stack.simState,
      notifyEvent(merchant, `${stack.url}/wechat/pay/notify`, 'TRANSACTION.SUCCESS', o.no, transactionView(sim)),
    );
  });
}

/** Items per second through `fn`, 50 at a time (the notify bench's concurrency). */
async function perSecond<T>(items: T[], fn: (item: T) => Promise<void>): Promise<number> {
  const t0 = performance.now();
  let i = 0;
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (i < items.length) await fn(items[i++]!);
    }),
  );
  return Math.round(items.length / ((performance.now() - t0) / 1000));
}

/** One notification POSTed to `url` on the agent's kept-alive connection: its status. */
function postOne(agent: Agent, url: string, b: Built): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { ...b.headers, 'content-length': Buffer.byteLength(b.body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      },
    );
    req.on('error', reject);
    req.end(b.body);
  });
}

/** The notifications POSTed to `url` over 50 connections, each once: requests per second. */
async function postAll(url: string, notifications: Built[]): Promise<number> {
  return (await sendEach(url, notifications.length, (i) => notifications[i]!)).rps;
}

/**
 * notify_rps: distinct valid notifications end to end (each credits its order), over HTTP.
 * notify_limit_rps: the same requests, from the same load generator, to a bare `node:http` server that
 * makes the same signature check + decryption + one committed insert on a plain pg pool of the app's
 * size — no Koa, no our code: the ceiling for a notify endpoint on this machine, in the same run
 * (#9: notify_rps ≥ 0.5 × it). notify_limit_no_http_rps: that work called directly, without HTTP — the
 * figure sessions 5–9 compared against (their ratio 0.34–0.39), printed with its ratio for continuity.
 * notify_credit_sql_rps: the crediting statement alone (the notify's one database write: order, bills,
 * ledger), prepared, at the same concurrency — what the database allows the notify path at most.
 * notify_http_floor_rps: the same requests to a bare Koa route that reads the body and answers 204 —
 * what HTTP alone allows here, the load generator sharing the process as it does for notify_rps.
 * Each is warmed up (the first thousand notifications of a fresh process ran at two thirds of the
 * speed of the next ones: JIT), then measured in turns over several rounds, and the median of each is
 * printed: this machine's speed drifts by ±20 % within a minute, which one run of each, one after
 * the other, turned into the ratio (0.26–0.36 for the same code).
 * notify_duplicate_p50_ms: an already credited notification again, one at a time, on one kept-alive
 * node:http connection (fetch adds ≈ 0.5 ms of its own here: the bare Koa route took 0.63 ms through
 * fetch and 0.14 ms through node:http).
 */
export async function benchNotify(stack: Stack) {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
  const perRound = Math.ceil(Number(process.env.BENCH_NOTIFIES ?? 5000) / rounds);
  const warm = 1000;
  const per = warm + rounds * perRound;
  const built = await pendingOrdersWithNotifications(stack, 4 * per);
  const parts = { app: built.slice(0, per), limit: built.slice(per, 2 * per), direct: built.slice(2 * per, 3 * per) };
  const forSql = built.slice(3 * per);
  const chunk = <T>(xs: T[], round: number) => xs.slice(warm + round * perRound, warm + (round + 1) * perRound);

  const pay = stack.deps.config.pay!;
  const pool = new pg.Pool({ connectionString: stack.deps.config.databaseUrl, max: 10 });
  await pool.query('CREATE TABLE bench_notify (id text PRIMARY KEY, body jsonb NOT NULL)');
  /** The limit's work for one notification: the very check the notify path makes (keys parsed once, as there), decryption, one committed insert. */
  const limitWork = async (h: Record<string, string | string[] | undefined>, body: string) => {
    const header = (name: string) => String(h[name] ?? h[name.toLowerCase()]);
    const ok = verifyWechatSignature(
      pay.verifyKeys,
      {
        timestamp: header('Wechatpay-Timestamp'),
        nonce: header('Wechatpay-Nonce'),
        signature: header('Wechatpay-Signature'),
        serial: header('Wechatpay-Serial'),
      },
      body,
    );
    if (!ok) throw new Error('limit: signature');
    const plain = decryptResource(pay.apiV3Key, JSON.parse(body).resource);
    await pool.query('INSERT INTO bench_notify (id, body) VALUES ($1, $2)', [JSON.parse(plain).out_trade_no, plain]);
  };
  const limitOne = (b: Built) => limitWork(b.headers, b.body);
  const limitServer = await listen(
    createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        limitWork(req.headers, Buffer.concat(chunks).toString('utf8')).then(
          () => res.writeHead(204).end(),
          () => res.writeHead(500).end(),
        );
      });
    }),
  );
  const transactions = forSql.map(
    (b) =>
      JSON.parse(decryptResource(pay.apiV3Key, JSON.parse(b.body).resource)) as {
        out_trade_no: string;
        transaction_id: string;
        success_time: string;
        amount: { total: number };
      },
  );
  const creditOne = async (t: (typeof transactions)[number]) => {
    const { rows } = await pool.query({
      name: 'credit',
      text: CREDIT_STATEMENT,
      values: [t.success_time, t.transaction_id, t.out_trade_no, t.amount.total],
    });
    if (rows.length !== 1) throw new Error(`credit: ${t.out_trade_no} not credited`);
  };
  const bare = new Koa();
  bare.use(async (ctx) => {
    for await (const _ of ctx.req);
    ctx.status = 204;
  });
  const server = await listen(bare);

  const notifyUrl = `${stack.url}/wechat/pay/notify`;
  const runs = {
    notify: (round: number) => postAll(notifyUrl, chunk(parts.app, round)),
    limit: (round: number) => postAll(`${limitServer.url}/wechat/pay/notify`, chunk(parts.limit, round)),
    direct: (round: number) => perSecond(chunk(parts.direct, round), limitOne),
    credit: (round: number) => perSecond(chunk(transactions, round), creditOne),
    floor: (round: number) => postAll(`${server.url}/wechat/pay/notify`, chunk(parts.app, round)),
  };
  await postAll(notifyUrl, parts.app.slice(0, warm));
  await postAll(`${limitServer.url}/wechat/pay/notify`, parts.limit.slice(0, warm));
  await perSecond(parts.direct.slice(0, warm), limitOne);
  await perSecond(transactions.slice(0, warm), creditOne);
  const rps: Record<keyof typeof runs, number[]> = { notify: [], limit: [], direct: [], credit: [], floor: [] };
  for (let round = 0; round < rounds; round++)
    for (const [name, run] of Object.entries(runs) as [keyof typeof runs, (round: number) => Promise<number>][])
      rps[name].push(await run(round));
  await Promise.all([pool.end(), server.close(), limitServer.close()]);
  const credited = await stack.db.payOrder.count({ where: { outTradeNo: { startsWith: 'WYBENCH' }, state: 'PAID' } });
  if (credited !== 2 * parts.app.length)
    throw new Error(`notify: ${credited} of ${2 * parts.app.length} orders credited`); // the app's and the credit statement's
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  print('notify_rps', median(rps.notify), 'req/s');
  print('notify_limit_rps', median(rps.limit), 'req/s');
  print('notify_ratio', Math.round((median(rps.notify) / median(rps.limit)) * 100) / 100, 'x');
  print('notify_limit_no_http_rps', median(rps.direct), 'req/s');
  print('notify_ratio_no_http', Math.round((median(rps.notify) / median(rps.direct)) * 100) / 100, 'x');
  print('notify_credit_sql_rps', median(rps.credit), 'req/s');
  print('notify_http_floor_rps', median(rps.floor), 'req/s');

  const latencies: number[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  for (let k = 0; k < 500; k++) {
    const s = performance.now();
    const status = await postOne(agent, notifyUrl, parts.app[k]!);
    if (status !== 204) throw new Error(`duplicate notify: ${status}`);
    latencies.push(performance.now() - s);
  }
  agent.destroy();
  latencies.sort((a, b) => a - b);
  print('notify_duplicate_p50_ms', Math.round(latencies[250]! * 100) / 100, 'ms');

  // The bench's orders want no receipts: left unsettled, a worker's minute sweep would settle all
  // 12,000 of them in the middle of a later bench (the reconciliation's memory figure).
  await stack.db.payOrder.updateMany({
    where: { outTradeNo: { startsWith: 'WYBENCH' }, state: 'PAID', settledAt: null },
    data: { settledAt: new Date() },
  });
}

/** bills_generate_ms: a community of 20,000 units, a monthly property fee, twelve monthly runs (240,000 bills). */
export async function benchBillsGenerate(stack: Stack) {
  const units = Number(process.env.BENCH_BILL_UNITS ?? 20_000);
  const company = await stack.db.propertyCompany.findFirstOrThrow();
  const cashier = await stack.db.user.findFirstOrThrow({
    where: { identities: { some: { openid: DEMO_OPENIDS.cashier } } },
  });
  const community = await stack.db.community.create({
    data: { companyId: company.id, name: '压测小区', address: '压测路1号' },
  });
  const building = await stack.db.building.create({ data: { communityId: community.id, name: '1号楼' } });
  await stack.db.$executeRaw`
    INSERT INTO "Unit" ("id", "communityId", "buildingId", "number", "floor", "buildingArea", "exclusiveArea", "deliveredAt")
    SELECT gen_random_uuid(), ${community.id}::uuid, ${building.id}::uuid, i::text, 1 + i / 100, 60 + (i % 9000) / 100.0, 50, '2021-06-30'
      FROM generate_series(1, ${units}) AS i`;
  await stack.db.staffRole.create({
    data: { userId: cashier.id, companyId: company.id, communityId: community.id, role: 'CASHIER' },
  });
  await stack.db.feeItem.create({
    data: { communityId: community.id, kind: 'PROPERTY', name: '物业服务费', amountFen: 235, cycle: 'MONTH' },
  });
  const t0 = performance.now();
  let made = 0;
  // The next 12 months from the stack's clock: a run may reach only 24 months ahead (docs/domain.md §4).
  const first = monthNumber(beijingMonth(stack.deps.clock.now())) + 1;
  for (let n = first; n < first + 12; n++)
    made += (
      await generateBills(stack.deps, cashier.id, community.id, {
        period: `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`,
      })
    ).created.bills;
  const ms = performance.now() - t0;
  if (made !== units * 12) throw new Error(`bills: ${made} made, ${units * 12} expected`);
  print('bills_generate_ms', Math.round(ms), 'ms');
}
