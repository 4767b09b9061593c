import client from 'prom-client';

/**
 * The process's Prometheus metrics (docs/production.md, Metrics): one registry per Deps, so tests
 * that build several stacks in one process never share counters. Counters are incremented where
 * their events happen (the HTTP middleware, the notify handler, the push sender, the SLA sweep, the
 * reconciliation); the store gauges are read when scraped (metrics-stores.ts). Labels are bounded:
 * route templates, status codes, error codes and fixed outcome names — never ids or raw URLs.
 */
export function createMetrics() {
  const registry = new client.Registry();
  const registers = [registry];
  return {
    registry,
    http: new client.Histogram({
      name: 'wyt_http_request_duration_seconds',
      help: 'HTTP requests by method, route template (unmatched when no route matched) and status; _count is the request rate',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    errors: new client.Counter({
      name: 'wyt_http_errors_total',
      help: 'Error answers ({code, message}) by code and status',
      labelNames: ['code', 'status'] as const,
      registers,
    }),
    payNotifies: new client.Counter({
      name: 'wyt_pay_notifies_total',
      help: 'WeChat Pay notifications by kind (transaction, refund) and outcome',
      labelNames: ['kind', 'outcome'] as const,
      registers,
    }),
    pushes: new client.Counter({
      name: 'wyt_push_deliveries_total',
      help: 'Subscribe messages sent to WeChat by outcome (sent, refused, invalid, retry, unknown)',
      labelNames: ['outcome'] as const,
      registers,
    }),
    slaBreaches: new client.Counter({
      name: 'wyt_repair_sla_breaches_total',
      help: 'Repair deadlines missed (RepairBreach rows recorded), by clock',
      labelNames: ['clock'] as const,
      registers,
    }),
    reconcileDifferences: new client.Counter({
      name: 'wyt_reconcile_differences_total',
      help: 'Reconciliation differences newly found against the WeChat trade bill, by kind',
      labelNames: ['kind'] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
