import { MpState } from './mp/state.js';
import { PayState } from './pay/state.js';

export type SimApp = { appid: string; secret: string };

export type ApiName =
  | 'jscode2session'
  | 'stable_token'
  | 'token'
  | 'getuserphonenumber'
  | 'getuserriskrank'
  | 'subscribe_send'
  | 'msg_sec_check'
  | 'media_check_async'
  | 'getwxacodeunlimit';

/**
 * WeChat's state as this twin keeps it, in memory: one clock tests can move and one fault queue,
 * shared by the products (`mp`: the mini-program platform, `pay`: WeChat Pay).
 */
export class SimState {
  clockOffsetMs = 0;
  readonly apps = new Map<string, SimApp>();
  readonly faults = new Map<ApiName, { errcode: number; remaining: number }[]>();
  readonly calls = new Map<ApiName, number>();
  readonly mp = new MpState(() => this.now());
  readonly pay = new PayState();

  constructor(apps: SimApp[]) {
    for (const app of apps) this.apps.set(app.appid, app);
  }

  now() {
    return Date.now() + this.clockOffsetMs;
  }

  count(api: ApiName) {
    this.calls.set(api, (this.calls.get(api) ?? 0) + 1);
  }

  /** Consumes one injected fault for this API, if any. */
  takeFault(api: ApiName): number | null {
    const queue = this.faults.get(api);
    const head = queue?.[0];
    if (!head) return null;
    head.remaining -= 1;
    if (head.remaining <= 0) queue.shift();
    return head.errcode;
  }

  reset() {
    this.clockOffsetMs = 0;
    this.faults.clear();
    this.calls.clear();
    this.mp.reset();
    this.pay.reset();
  }
}
