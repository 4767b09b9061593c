import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../scripts/lib/ports.js';
import { TEMPLATES } from '../bff/src/push/templates.js';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import {
  addFeeItem,
  deliverUnits,
  eventually,
  makeCommunity,
  makePushAudience,
  monthsFromNow,
  openBills,
  openElection,
  runBilling,
} from './support/factories/index.js';
import { buildCompiledBff } from './support/compiled-bff.js';
import { startBffProcess, type BffProcess } from './support/worker-process.js';
import { startNginx, testedDeployConf, type AccessLine } from './support/nginx.js';
import { lane, loadClient, sleep } from './support/load-client.js';

/**
 * Scale out and lose an instance (issue 28; docs/production.md, Scale out): deploy/nginx.conf in
 * front of two API instances of the compiled build, two workers, one PostgreSQL, one Redis, WeChat's
 * simulator posting its payment notifies to nginx. Under a mixed load one API instance and one worker
 * are killed (SIGKILL), then every API instance is restarted in turn (SIGTERM).
 */
// What is tested is instances dying, not slow stores: on two cores shared with builds a Redis answer
// or a new PostgreSQL connection can take longer than the 1 s / 2 s after which a request fails fast
// with 503 (DEPENDENCY_DOWN). For the in-process BFF that makes the community and for the processes.
const PATIENT_STORES = { REDIS_COMMAND_TIMEOUT_MS: '5000', DATABASE_CONNECT_TIMEOUT_MS: '10000' };
const h = useHarness({ env: PATIENT_STORES });
const VOTERS = 16;
const PAYERS = 3;
const MONTHS = 6;
const TPL = TEMPLATES.noticePublished.id;
let build: Awaited<ReturnType<typeof buildCompiledBff>>;
let nginx: Awaited<ReturnType<typeof startNginx>>;
let apiPorts: [number, number];
const apis: BffProcess[] = [];
const workers: BffProcess[] = [];
let site: Awaited<ReturnType<typeof makeCommunity>>;
let manager: Actor;
let voters: Actor[];
let payers: { actor: Actor; bills: string[] }[];
let election: { id: string; candidates: { id: string }[] };

let nginxPort: number;
/** Both kinds of process: WeChat Pay at the simulator, and nginx as the address WeChat posts notifies to. */
const env = () => ({
  ...h.payEnv,
  LOG_LEVEL: 'info',
  PUBLIC_BASE_URL: `http://127.0.0.1:${nginxPort}`,
  JOBS_MAINTENANCE_SECONDS: '1',
  ...PATIENT_STORES,
});
/** Every process started, for their logs when a failure is not explained. */
const started: BffProcess[] = [];
const diagnostics = () =>
  [
    nginx.errorLog(),
    ...started.map((p) =>
      p
        .output()
        .split('\n')
        .filter((l) => /"level":(40|50|60)/.test(l))
        .join('\n'),
    ),
  ].join('\n');
const track = async (p: Promise<BffProcess>) => {
  started.push(await p);
  return started.at(-1)!;
};
const startApi = (i: 0 | 1) =>
  track(
    startBffProcess(h, {
      args: build.args('main.js'),
      cwd: build.dir,
      ready: 'BFF listening',
      env: {
        ...env(),
        HOST: '127.0.0.1',
        PORT: String(apiPorts[i]),
        METRICS_PORT: '0',
        TRUST_PROXY: 'true',
        // Longer than nginx's upstream keepalive_timeout (4 s), as production's 6 s is (config.ts).
        SHUTDOWN_DRAIN_MS: '5000',
        LOGIN_LIMIT_PER_IP_PER_MINUTE: '100000',
        LOGIN_LIMIT_PER_SECOND: '100000',
      },
    }),
  );
const startWorker = () =>
  track(startBffProcess(h, { args: build.args('worker.js'), cwd: build.dir, ready: 'worker ready', env: env() }));

/** The community: owners who vote, owners with monthly bills to pay, a manager, an open election. */
async function makeSite() {
  site = await makeCommunity(h.db, { units: VOTERS + PAYERS });
  await deliverUnits(
    h,
    site.units.map((u) => u.id),
  );
  const at = { id: site.community.id, companyId: site.companyId };
  manager = await staff(h, 'MANAGER', at);
  const [cashier, committee] = [await staff(h, 'CASHIER', at), await staff(h, 'COMMITTEE_MEMBER', at)];
  const people = await Promise.all(site.units.map((u) => resident(h, u)));
  voters = people.slice(0, VOTERS);
  election = await openElection(h, committee, site.community.id);
  const item = await addFeeItem(manager, site.community.id, {
    kind: 'PROPERTY',
    name: '物业服务费',
    amountFen: 235,
    cycle: 'MONTH',
  });
  for (const month of monthsFromNow(h, -MONTHS, MONTHS)) await runBilling(cashier, site.community.id, month, [item.id]);
  payers = await Promise.all(
    people.slice(VOTERS).map(async (actor, i) => ({
      actor,
      bills: (await openBills(actor, site.units[VOTERS + i]!.id)).map((b) => b.id),
    })),
  );
}

beforeAll(async () => {
  // WeChat retries an unanswered notify after 15 s, 15 s, 30 s…: here after 0.3 s, 0.3 s, 0.6 s…
  // (Asked first: the harness's connection to the simulator is still fresh.)
  await h.sim('/sim/pay/config', { retryScale: 0.02 });
  nginxPort = await freePort();
  apiPorts = [await freePort(), await freePort()];
  build = await buildCompiledBff();
  const [[api0, api1, worker0, worker1]] = await Promise.all([
    Promise.all([startApi(0), startApi(1), startWorker(), startWorker()]),
    makeSite(),
  ]);
  apis.push(api0, api1);
  workers.push(worker0, worker1);
  const conf = testedDeployConf({ upstreams: apiPorts, port: nginxPort, redirectPort: await freePort() });
  nginx = await startNginx(conf, nginxPort);
}, 180_000);

afterAll(async () => {
  await nginx?.stop();
  await Promise.all(started.map((p) => p.stop()));
  build?.remove();
});

/**
 * The chaos: SIGKILL one API instance and one worker; the instance comes back (the other worker
 * carries the jobs on), then each API instance is stopped with SIGTERM and started again in turn.
 */
async function chaos() {
  await sleep(4000);
  const kill = { addr: `127.0.0.1:${apiPorts[0]}`, sentAt: Date.now(), exitedAt: 0 };
  apis[0]!.signal('SIGKILL');
  workers[0]!.signal('SIGKILL');
  await apis[0]!.exited;
  kill.exitedAt = Date.now();
  await workers[0]!.exited;
  await sleep(1500);
  apis[0] = await startApi(0);
  const restarts: { from: number; to: number }[] = [];
  for (const i of [0, 1] as const) {
    // As a rolling restart must: the instance back for longer than nginx's fail_timeout (3 s) first.
    await sleep(3500);
    const window = { from: Date.now(), to: 0 };
    apis[i]!.signal('SIGTERM');
    expect(await apis[i]!.exited).toBe(0);
    apis[i] = await startApi(i);
    window.to = Date.now();
    restarts.push(window);
  }
  await sleep(1500);
  return { kill, restarts };
}

const overlaps = (l: AccessLine, from: number, to: number) => l.endMs >= from && l.startMs <= to;
const report = (name: string, value: number) => process.stdout.write(`SCALEOUT ${name} ${value}\n`);

describe('two API instances and two workers behind nginx', { timeout: 150_000 }, () => {
  it('lose an instance and restart each: money, votes and pushes exactly once; only requests in flight on the killed instance fail', async () => {
    const client = loadClient(nginx.url);
    let running = true;
    const on = () => running;
    const cast = new Map<string, number | null>();
    const audiences: { openid: string }[][] = [];
    const notices = `/api/notices?communityId=${site.community.id}`;
    const vote = (token: string) =>
      client.call('POST', `/api/elections/${election.id}/ballots`, {
        token,
        body: { choices: [election.candidates[0]!.id] },
      });
    const lanes = [
      // Owners open the app (login), read the notices and cast their one ballot; an answer lost is asked again.
      ...[0, 1].map(async (first) => {
        for (let i = first; i < voters.length && running; i += 2) {
          const v = voters[i]!;
          const login = await client.call('POST', '/api/auth/login', {
            body: { code: await h.mintLoginCode(v.openid) },
          });
          if (login.status !== 200) continue;
          await client.call('GET', notices, { token: login.body.token });
          let res = await vote(login.body.token);
          if (res.status === null || res.status >= 500) res = await vote(login.body.token);
          cast.set(v.userId, res.status);
          await sleep(2000);
        }
      }),
      // Owners pay their bills one by one: an order through nginx, paid at WeChat, whose notify goes to nginx.
      ...payers.map(async (p) => {
        for (const bill of p.bills) {
          if (!running) break;
          const res = await client.call('POST', '/api/pay/orders', { token: p.actor.token, body: { billIds: [bill] } });
          if (res.status === 201) await h.sim('/sim/pay/pay', { outTradeNo: res.body.order.outTradeNo });
          await sleep(3500);
        }
      }),
      // Residents reading the notice list.
      lane(on, 100, async (turn) => {
        await client.call('GET', notices, { token: voters[turn % VOTERS]!.token });
      }),
      // The manager publishes a notice every 3 s to residents who each accepted one push.
      lane(on, 3000, async (turn) => {
        audiences.push(await makePushAudience(h, site.units[0]!, TPL, 8));
        const created = await client.call('POST', '/api/staff/notices', {
          token: manager.token,
          body: { title: `停水通知${turn}`, body: '<p>x</p>', category: 'GENERAL', communityIds: [site.community.id] },
        });
        if (created.status === 201)
          await client.call('POST', `/api/staff/notices/${created.body.id}/publish`, { token: manager.token });
      }),
    ];
    const { kill, restarts } = await chaos().finally(() => (running = false));
    await Promise.all(lanes);

    // Money: what WeChat took is credited once, and nothing else.
    const simPaid = [...h.simState.pay.orders.values()].filter((o) => o.state === 'SUCCESS').map((o) => o.outTradeNo);
    report('payments', simPaid.length);
    expect(simPaid.length).toBeGreaterThan(PAYERS * 3);
    await eventually(async () => {
      const paid = await h.db.payOrder.findMany({ where: { state: 'PAID' }, select: { outTradeNo: true } });
      expect(paid.map((o) => o.outTradeNo).sort()).toEqual([...simPaid].sort());
    }, 20_000);
    const credits = await h.db.$queryRaw<{ orderId: string; entries: bigint; fen: bigint; amountFen: number }[]>`
      SELECT o."id" AS "orderId", count(l."id") AS entries, coalesce(sum(l."amountFen"), 0) AS fen, o."amountFen"
        FROM "PayOrder" o LEFT JOIN "LedgerEntry" l ON l."orderId" = o."id" AND l."kind" = 'WECHAT_PAYMENT'
       WHERE o."state" = 'PAID' GROUP BY o."id"`;
    for (const c of credits) expect([Number(c.entries), Number(c.fen)]).toEqual([1, c.amountFen]);
    const billsTwice = await h.db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (SELECT "billId" FROM "LedgerEntry" WHERE "kind" = 'WECHAT_PAYMENT' GROUP BY "billId" HAVING count(*) > 1) t`;
    expect(Number(billsTwice[0]!.n)).toBe(0);

    // Votes: one ballot per owner, and each acknowledged one is there.
    const ballots = await h.db.ballot.groupBy({ by: ['ownerKey'], where: { electionId: election.id }, _count: true });
    report('ballots', ballots.length);
    expect(ballots.every((b) => b._count === 1)).toBe(true);
    const acknowledged = [...cast.values()].filter((s) => s === 201 || s === 409).length;
    expect(ballots.length).toBe(acknowledged);
    expect(acknowledged).toBeGreaterThan(VOTERS / 2);

    // Pushes: at most once each at WeChat, and every one we count as sent was delivered.
    const delivered = h.simState.mp.subscribe.delivered.map((d) => d.touser);
    const ours = new Set(audiences.flat().map((a) => a.openid));
    const perUser = new Map<string, number>();
    for (const to of delivered.filter((d) => ours.has(d))) perUser.set(to, (perUser.get(to) ?? 0) + 1);
    report('pushes_delivered', perUser.size);
    expect(perUser.size).toBeGreaterThan(0);
    expect([...perUser.values()].every((n) => n === 1)).toBe(true);
    const sent = await h.db.pushMessage.findMany({ where: { status: 'SENT' }, select: { openid: true } });
    expect(sent.filter((m) => !perUser.has(m.openid))).toEqual([]);

    // Failures: only requests nginx had passed to the killed instance before it died; none on restarts.
    const log = nginx.accessLog();
    const failed = log.filter((l) => l.status >= 500);
    const onKill = failed.filter(
      (l) => l.upstreams.at(-1) === kill.addr && overlaps(l, kill.sentAt, kill.exitedAt + 5),
    );
    const retried = (from: number, to: number) =>
      log.filter((l) => l.upstreams.length > 1 && overlaps(l, from, to)).length;
    report('requests', log.length);
    report('failed_requests_on_kill', onKill.length);
    for (const l of onKill) report(`failed_on_kill ${l.method} ${l.uri.replace(/[0-9a-f-]{36}/g, ':id')}`, l.status);
    report('failed_requests_on_restarts', failed.filter((l) => restarts.some((w) => overlaps(l, w.from, w.to))).length);
    report('retried_on_kill', retried(kill.sentAt, kill.exitedAt + 6000));
    report(
      'retried_on_restarts',
      restarts.reduce((n, w) => n + retried(w.from, w.to), 0),
    );
    expect(
      failed.filter((l) => !onKill.includes(l)),
      diagnostics(),
    ).toEqual([]);
    expect(client.calls.filter((c) => c.status === null)).toEqual([]);
    const unexpected = client.calls.filter(
      (c) => c.status! >= 300 && c.status! < 500 && !(c.status === 409 && c.path.endsWith('/ballots')),
    );
    expect(unexpected).toEqual([]);
  });
});
