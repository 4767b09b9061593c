import { randomBytes } from 'node:crypto';
import { SecurityState } from './security.js';
import { WxacodeState } from './wxacode.js';

type LoginCode = { appid: string; openid: string; unionid?: string; mintedAt: number; used: boolean };
type PhoneCode = { appid: string; phoneNumber: string; countryCode: string; mintedAt: number; used: boolean };
type AccessToken = { appid: string; expiresAt: number; revoked: boolean; stable: boolean };

/** Codes from wx.login and from the phone button live 5 minutes (docs/wechat.md §1). */
export const CODE_TTL_MS = 5 * 60_000;
export const TOKEN_TTL_S = 7200;
/** A stable token is rotated in its last 5 minutes; old and new are both valid then (§2). */
export const ROTATE_BEFORE_MS = 5 * 60_000;
export const FORCE_REFRESH_MIN_GAP_MS = 30_000;
export const FORCE_REFRESH_PER_DAY = 20;

const random = (bytes: number) => randomBytes(bytes).toString('base64url');

type Delivered = {
  touser: string;
  templateId: string;
  page: string | undefined;
  data: Record<string, { value?: unknown }>;
  at: number;
};

/** Subscribe messages: the templates of the app, users' one-time accepts, what was delivered. */
export class SubscribeState {
  readonly templates = new Map<string, { keywords: Record<string, string> }>();
  readonly credits = new Map<string, number>();
  readonly delivered: Delivered[] = [];
  pages: Set<string> | null = null;
  httpFaults: number[] = [];
  answerDelayMs = 0;

  reset() {
    this.templates.clear();
    this.credits.clear();
    this.delivered.length = 0;
    this.pages = null;
    this.httpFaults = [];
    this.answerDelayMs = 0;
  }
}

/** The mini-program platform's state: login and phone codes, access tokens, risky users, subscribe messages. */
export class MpState {
  readonly loginCodes = new Map<string, LoginCode>();
  readonly phoneCodes = new Map<string, PhoneCode>();
  readonly tokens = new Map<string, AccessToken>();
  readonly stableCurrent = new Map<string, string>();
  readonly forceRefreshes = new Map<string, number[]>();
  readonly loginCalls = new Map<string, number[]>();
  readonly riskyOpenids = new Set<string>();
  readonly riskRanks = new Map<string, number>();
  loginRateLimitPerMinute = 100;
  readonly subscribe = new SubscribeState();
  readonly security = new SecurityState();
  readonly wxacode = new WxacodeState();

  constructor(private readonly now: () => number) {}

  mintLoginCode(appid: string, openid: string, unionid?: string) {
    const code = `lc_${random(18)}`;
    this.loginCodes.set(code, { appid, openid, unionid, mintedAt: this.now(), used: false });
    return code;
  }

  mintPhoneCode(appid: string, phoneNumber: string, countryCode: string) {
    const code = `pc_${random(18)}`;
    this.phoneCodes.set(code, { appid, phoneNumber, countryCode, mintedAt: this.now(), used: false });
    return code;
  }

  issueToken(appid: string, stable: boolean) {
    const token = `at_${random(48)}`;
    this.tokens.set(token, { appid, expiresAt: this.now() + TOKEN_TTL_S * 1000, revoked: false, stable });
    return token;
  }

  /** Answers 0 when the token may be used, otherwise WeChat's errcode for it. */
  checkToken(token: string | undefined, appid?: string): number {
    if (!token) return 41001;
    const t = this.tokens.get(token);
    if (!t || t.revoked || (appid && t.appid !== appid)) return 40001;
    if (t.expiresAt <= this.now()) return 42001;
    return 0;
  }

  reset() {
    for (const m of [
      this.loginCodes,
      this.phoneCodes,
      this.tokens,
      this.stableCurrent,
      this.forceRefreshes,
      this.loginCalls,
      this.riskRanks,
    ])
      m.clear();
    this.riskyOpenids.clear();
    this.loginRateLimitPerMinute = 100;
    this.subscribe.reset();
    this.security.reset();
    this.wxacode.reset();
  }
}
