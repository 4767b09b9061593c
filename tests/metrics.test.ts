import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressOf, serveMetrics } from '../bff/src/metrics-server.js';
import { TEMPLATES } from '../bff/src/push/templates.js';
import { useHarness } from './support/use-harness.js';
import type { Actor } from './support/actors.js';
import { billedOwner, eventually, makePushAudience, openBills } from './support/factories/index.js';

/**
 * /metrics as Prometheus scrapes it (docs/production.md, Metrics): the API's and the worker's
 * registries served on ports of their own, after a little traffic of every kind they count.
 */
const h = useHarness({ worker: true });
let owner: Actor;
let manager: Actor;
let site: Awaited<ReturnType<typeof billedOwner>>['site'];
const servers: Server[] = [];
const urls = { api: '', worker: '' };

beforeAll(async () => {
  ({ site, owner, manager } = await billedOwner(h, ['2026-01', '2026-02']));
  for (const [name, deps] of [
    ['api', h.deps],
    ['worker', h.workerDeps!],
  ] as const) {
    const server = (await serveMetrics(deps.metrics, '127.0.0.1', 0, { required: true }))!;
    servers.push(server);
    urls[name] = `http://${addressOf(server)}/metrics`;
  }
});
afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

const scrape = async (which: 'api' | 'worker') => {
  const res = await fetch(urls[which]);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
};
/** The value of one series, exactly as written in the exposition, or undefined. */
const value = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('/metrics', () => {
  it('counts requests by route template and status, errors by code — never a raw URL with ids', async () => {
    const bill = (await openBills(owner, site.units[0]!.id)).find((b) => b.state === 'UNPAID')!;
    const order = await owner.call('POST', '/api/pay/orders', { body: { billIds: [bill.id] } });
    expect(order.status).toBe(201);
    for (let i = 0; i < 3; i++)
      expect((await owner.call('GET', `/api/pay/orders/${order.body.order.id}`)).status).toBe(200);
    expect((await owner.call('GET', `/api/pay/orders/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await h.call('GET', `/api/no-such-route/${crypto.randomUUID()}`)).status).toBe(404);

    const text = await scrape('api');
    const route = 'route="/api/pay/orders/:id"';
    expect(value(text, `wyt_http_request_duration_seconds_count{method="GET",${route},status="200"}`)).toBe(3);
    expect(value(text, `wyt_http_request_duration_seconds_count{method="GET",${route},status="404"}`)).toBe(1);
    expect(value(text, 'wyt_http_request_duration_seconds_count{method="GET",route="unmatched",status="404"}')).toBe(1);
    expect(text).toMatch(/wyt_http_request_duration_seconds_bucket\{le="0\.05",method="GET",route="\/api\/pay/);
    expect(value(text, 'wyt_http_errors_total{code="NOT_FOUND",status="404"}')).toBeGreaterThanOrEqual(2);
    expect(text).not.toMatch(UUID);
  });

  it('counts payment notifies by outcome', async () => {
    const bill = (await openBills(owner, site.units[0]!.id)).find((b) => b.state === 'UNPAID')!;
    const res = await owner.call('POST', '/api/pay/orders', { body: { billIds: [bill.id] } });
    const outTradeNo = res.body.order.outTradeNo as string;
    await h.sim('/sim/pay/pay', { outTradeNo }); // WeChat notifies the BFF
    await eventually(async () =>
      expect((await h.db.payOrder.findFirstOrThrow({ where: { outTradeNo } })).state).toBe('PAID'),
    );
    const notification = (tamper?: string) =>
      h.sim<{ headers: Record<string, string>; body: string }>('/sim/pay/notifications', {
        outTradeNo,
        url: `${h.url}/wechat/pay/notify`,
        ...(tamper ? { tamper } : {}),
      });
    for (const tamper of [undefined, 'signature']) {
      const n = await notification(tamper);
      await h.call('POST', '/wechat/pay/notify', { raw: n.body, headers: n.headers });
    }
    const text = await scrape('api');
    expect(value(text, 'wyt_pay_notifies_total{kind="transaction",outcome="applied"}')).toBe(1);
    expect(value(text, 'wyt_pay_notifies_total{kind="transaction",outcome="duplicate"}')).toBe(1);
    expect(value(text, 'wyt_pay_notifies_total{kind="transaction",outcome="refused"}')).toBe(1);
  });

  it("reports the stores: this process's pool, Redis, and every job queue's depth and oldest due job", async () => {
    const text = await scrape('api');
    expect(value(text, 'wyt_pg_pool_connections{state="total"}')).toBeGreaterThan(0);
    expect(value(text, 'wyt_pg_pool_connections{state="waiting"}')).toBe(0);
    expect(value(text, 'wyt_redis_up{mode="redis"}')).toBe(1);
    expect(text).toMatch(/^wyt_jobs_queued\{queue="pay\.settle",state="created"\} \d+$/m);
    expect(text).toMatch(/^wyt_jobs_oldest_due_age_seconds\{queue="pay\.settle"\} [\d.e+-]+$/m);
    expect(text).toMatch(/^wyt_process_resident_memory_bytes \d+/m);

    // The depth is read when scraped, not one scrape late: a job due in an hour shows at once.
    const created = 'wyt_jobs_queued{queue="pay.settle",state="created"}';
    const before = value(await scrape('api'), created)!;
    await h.deps.jobs.boss.send('pay.settle', {}, { startAfter: 3600 });
    expect(value(await scrape('api'), created)).toBe(before + 1);
  });

  it("counts the worker's pushes by outcome; SLA breaches and reconciliation differences are declared", async () => {
    const tpl = TEMPLATES.noticePublished.id;
    await makePushAudience(h, site.units[0]!, tpl, 2);
    const { body } = await manager.call('POST', '/api/staff/notices', {
      body: { title: '停水通知', body: '<p>x</p>', category: 'GENERAL', communityIds: [site.community.id] },
    });
    expect((await manager.call('POST', `/api/staff/notices/${body.id}/publish`)).status).toBe(200);
    await eventually(async () => {
      expect(value(await scrape('worker'), 'wyt_push_deliveries_total{outcome="sent"}')).toBeGreaterThanOrEqual(2);
    }, 15_000);
    const worker = await scrape('worker');
    expect(worker).toContain('# TYPE wyt_repair_sla_breaches_total counter');
    expect(worker).toContain('# TYPE wyt_reconcile_differences_total counter');
  });

  it('is not on the public port', async () => {
    expect((await h.call('GET', '/metrics')).status).toBe(404);
  });
});
