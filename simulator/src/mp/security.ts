import { createHash, randomBytes } from 'node:crypto';
import Router from '@koa/router';
import { z } from 'zod';
import type { SimState } from '../state.js';
import { tokenApi, wxError } from './reply.js';

type Suggest = 'pass' | 'review' | 'risky';
/** What WeChat will answer for the next images: a verdict, -1008 (could not download), or silence. */
export type MediaOutcome = Suggest | 'download-failed' | 'none';

/** Users must have opened the app in the last 2 hours for their text to be checked (61010). */
export const ACTIVE_WINDOW_MS = 2 * 3600_000;

/**
 * Content security's state: when each user last logged in (jscode2session), the keyword lists the
 * text verdicts follow, the outcomes queued for the next image checks, and where verdicts are pushed.
 */
export class SecurityState {
  readonly lastSeen = new Map<string, number>();
  risky = new Map<string, number>();
  review = new Map<string, number>();
  mediaOutcomes: MediaOutcome[] = [];
  mediaDelayMs = 50;
  /** Send each push twice: a retry with a new (timestamp, nonce) or the same (WeChat does not say which). */
  duplicatePushes: false | 'new-nonce' | 'same-nonce' = false;
  messageUrl: string | null = null;
  messageToken: string | null = null;
  readonly mediaChecks: { traceId: string; url: string; openid: string; outcome: MediaOutcome }[] = [];

  constructor() {
    this.reset();
  }

  reset() {
    this.lastSeen.clear();
    // Deterministic verdicts (label codes of docs/wechat.md §7): 20006 illegal, 10001 ad, 20008 fraud, 21000 other.
    this.risky = new Map([
      ['代开发票', 20006],
      ['赌博', 20006],
      ['刷单返利', 20008],
    ]);
    this.review = new Map([
      ['加微信', 10001],
      ['有偿', 10001],
      ['举报', 21000],
    ]);
    this.mediaOutcomes = [];
    this.mediaDelayMs = 50;
    this.duplicatePushes = false;
    this.messageUrl = null;
    this.messageToken = null;
    this.mediaChecks.length = 0;
  }
}

/** A message-push signature: sha1 of token, timestamp and nonce sorted and joined (docs/wechat.md §7). */
export const messageSignature = (token: string, timestamp: string, nonce: string) =>
  createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');

const traceId = () => `sim-trace-${randomBytes(9).toString('hex')}`;

/**
 * POST /wxa/msg_sec_check (v2) and POST /wxa/media_check_async, as WeChat answers them.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/mediaCheckAsync.html
 */
export function securityRoutes(state: SimState) {
  const sec = state.mp.security;
  const router = new Router();

  router.post('/wxa/msg_sec_check', (ctx) => {
    if (tokenApi(state, 'msg_sec_check', ctx) === null) return;
    const b = (ctx.request.body ?? {}) as { content?: unknown; version?: unknown; scene?: unknown; openid?: unknown };
    if (
      typeof b.content !== 'string' ||
      b.version !== 2 ||
      ![1, 2, 3, 4].includes(b.scene as number) ||
      typeof b.openid !== 'string'
    )
      return void (ctx.body = wxError(47001));
    if (b.content.length > 2500) return void (ctx.body = wxError(87014));
    const seen = sec.lastSeen.get(b.openid);
    if (seen === undefined || state.now() - seen > ACTIVE_WINDOW_MS) return void (ctx.body = wxError(61010));
    const hit = (list: Map<string, number>) => [...list].find(([word]) => (b.content as string).includes(word));
    const risky = hit(sec.risky);
    const review = risky ? undefined : hit(sec.review);
    const suggest: Suggest = risky ? 'risky' : review ? 'review' : 'pass';
    const label = (risky ?? review)?.[1] ?? 100;
    ctx.body = {
      errcode: 0,
      errmsg: 'ok',
      trace_id: traceId(),
      result: { suggest, label },
      detail: [
        { strategy: 'content_model', errcode: 0, suggest, label, prob: suggest === 'pass' ? 0 : 90 },
        {
          strategy: 'keyword',
          errcode: 0,
          suggest,
          label,
          ...(risky || review ? { keyword: (risky ?? review)![0] } : {}),
        },
      ],
    };
  });

  router.post('/wxa/media_check_async', async (ctx) => {
    const appid = tokenApi(state, 'media_check_async', ctx);
    if (appid === null) return;
    const b = (ctx.request.body ?? {}) as {
      media_url?: unknown;
      media_type?: unknown;
      version?: unknown;
      scene?: unknown;
      openid?: unknown;
    };
    if (
      typeof b.media_url !== 'string' ||
      b.media_type !== 2 ||
      b.version !== 2 ||
      ![1, 2, 3, 4].includes(b.scene as number) ||
      typeof b.openid !== 'string'
    ) {
      return void (ctx.body = wxError(47001));
    }
    const seen = sec.lastSeen.get(b.openid);
    if (seen === undefined || state.now() - seen > ACTIVE_WINDOW_MS) return void (ctx.body = wxError(61010));
    const id = traceId();
    const outcome = sec.mediaOutcomes.shift() ?? 'pass';
    sec.mediaChecks.push({ traceId: id, url: b.media_url, openid: b.openid, outcome });
    ctx.body = { errcode: 0, errmsg: 'ok', trace_id: id };
    // The verdict comes later, pushed to the app's message URL (a timer is fine here: this is WeChat's twin).
    setTimeout(
      () => void pushVerdict(state, appid, id, b.media_url as string, b.openid as string, outcome),
      sec.mediaDelayMs,
    );
  });

  /** Test controls: keyword lists, outcomes of the next image checks, where verdicts go, what was checked. */
  router.post('/sim/security/config', (ctx) => {
    const c = z
      .object({
        messageUrl: z.url().optional(),
        messageToken: z.string().min(3).max(32).optional(),
        mediaOutcomes: z.array(z.enum(['pass', 'review', 'risky', 'download-failed', 'none'])).optional(),
        mediaDelayMs: z.number().int().min(0).max(60_000).optional(),
        duplicatePushes: z.union([z.boolean(), z.enum(['new-nonce', 'same-nonce'])]).optional(),
      })
      .parse(ctx.request.body);
    if (c.messageUrl !== undefined) sec.messageUrl = c.messageUrl;
    if (c.messageToken !== undefined) sec.messageToken = c.messageToken;
    if (c.mediaOutcomes) sec.mediaOutcomes.push(...c.mediaOutcomes);
    if (c.mediaDelayMs !== undefined) sec.mediaDelayMs = c.mediaDelayMs;
    if (c.duplicatePushes !== undefined)
      sec.duplicatePushes = c.duplicatePushes === true ? 'new-nonce' : c.duplicatePushes;
    ctx.status = 204;
  });
  router.get('/sim/security/media-checks', (ctx) => {
    ctx.body = { items: sec.mediaChecks };
  });
  return router;
}

async function pushVerdict(
  state: SimState,
  appid: string,
  trace: string,
  url: string,
  openid: string,
  outcome: MediaOutcome,
) {
  const sec = state.mp.security;
  if (outcome === 'none' || !sec.messageUrl || !sec.messageToken) return;
  let downloaded = outcome !== 'download-failed';
  if (downloaded)
    downloaded = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
  const suggest: Suggest = outcome === 'download-failed' ? 'review' : outcome;
  const label = suggest === 'pass' ? 100 : suggest === 'risky' ? 20002 : 21000;
  const event = {
    ToUserName: `gh_${appid.slice(2, 14)}`,
    FromUserName: openid,
    CreateTime: Math.floor(state.now() / 1000),
    MsgType: 'event',
    Event: 'wxa_media_check',
    appid,
    trace_id: trace,
    version: 2,
    // -1008: WeChat could not download the image; the label comes as a string, as WeChat sometimes sends it.
    ...(downloaded
      ? {
          errcode: 0,
          errmsg: 'ok',
          result: { suggest, label: String(label) },
          detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }],
        }
      : { errcode: -1008, errmsg: 'download media failed', result: { suggest: 'review', label: '21000' }, detail: [] }),
  };
  // The same event sent twice (docs/wechat.md §7, Retries): WeChat documents retries after 5 s and
  // de-duplication by FromUserName + CreateTime, not whether a retry keeps its timestamp and nonce, so
  // the simulator does either, as configured.
  let timestamp = '';
  let nonce = '';
  for (let i = 0; i < (sec.duplicatePushes ? 2 : 1); i++) {
    if (i === 0 || sec.duplicatePushes === 'new-nonce') {
      timestamp = String(Math.floor(state.now() / 1000));
      // WeChat's nonces are decimal numbers (e.g. 1514711492 in its own example of a pushed URL).
      nonce = String(randomBytes(4).readUInt32BE(0));
    }
    const signature = messageSignature(sec.messageToken!, timestamp, nonce);
    const target = `${sec.messageUrl}${sec.messageUrl!.includes('?') ? '&' : '?'}${new URLSearchParams({ signature, timestamp, nonce })}`;
    await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
    }).catch(() => undefined);
  }
}
