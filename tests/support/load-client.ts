/** One request of a load, as its client saw it: `status` null when no HTTP answer came at all. */
export type LoadCall = { method: string; path: string; startMs: number; endMs: number; status: number | null };

/**
 * A recording HTTP client for load tests: every request through `call` is kept with its wall-clock
 * start and end (comparable with nginx's `$msec`), so a test can tell which requests failed and when.
 */
export function loadClient(baseUrl: string) {
  const calls: LoadCall[] = [];
  async function call<T = any>(
    method: string,
    path: string,
    opts: { token?: string; body?: unknown } = {},
  ): Promise<{ status: number | null; body: T }> {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const startMs = Date.now();
    let status: number | null = null;
    let body: any = undefined;
    try {
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: AbortSignal.timeout(20_000),
      });
      status = res.status;
      const text = await res.text();
      body = res.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : text;
    } catch {
      // no answer: recorded with status null
    }
    calls.push({ method, path, startMs, endMs: Date.now(), status });
    return { status, body: body as T };
  }
  return { calls, call };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `step` over and over until `running()` is false, pausing `pauseMs` between turns. */
export async function lane(running: () => boolean, pauseMs: number, step: (turn: number) => Promise<void>) {
  for (let turn = 0; running(); turn++) {
    await step(turn);
    await sleep(pauseMs);
  }
}
