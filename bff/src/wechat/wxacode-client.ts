import { AppError } from '../errors.js';
import type { AccessTokenCache } from './access-token.js';
import { ZWechatReply } from './http.js';

export type WxacodeRequest = {
  scene: string;
  page: string;
  checkPath: boolean;
  envVersion: 'release' | 'trial' | 'develop';
  width?: number;
};

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * getwxacodeunlimit (docs/wechat.md §6): on success the body is the image, on failure JSON with HTTP
 * 200 — so the bytes are sniffed, never the content type trusted. A token WeChat no longer accepts
 * gets one retry with a new one.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getUnlimitedQRCode.html
 */
export function createWxacodeClient(apiBase: string, timeoutMs: number, tokens: AccessTokenCache) {
  async function post(
    token: string,
    req: WxacodeRequest,
  ): Promise<{ image: Buffer; type: string } | { errcode: number; errmsg: string }> {
    let res: Response;
    try {
      res = await fetch(`${apiBase}/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          scene: req.scene,
          page: req.page,
          check_path: req.checkPath,
          env_version: req.envVersion,
          ...(req.width ? { width: req.width } : {}),
        }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw new AppError('WECHAT_UNAVAILABLE', '微信服务暂时无法访问，请稍后再试', {
        path: '/wxa/getwxacodeunlimit',
        cause: (err as Error).name,
      });
    }
    const bytes = Buffer.from(await res.arrayBuffer());
    if (res.ok && startsWith(bytes, JPEG)) return { image: bytes, type: 'image/jpeg' };
    if (res.ok && startsWith(bytes, PNG)) return { image: bytes, type: 'image/png' };
    try {
      const reply = ZWechatReply.parse(JSON.parse(bytes.toString('utf8')));
      return { errcode: reply.errcode ?? -1, errmsg: reply.errmsg ?? '' };
    } catch {
      return { errcode: -1, errmsg: `unreadable answer (HTTP ${res.status})` };
    }
  }

  return {
    async getUnlimited(req: WxacodeRequest): Promise<{ image: Buffer; type: string }> {
      const token = await tokens.get();
      let answer = await post(token, req);
      if ('errcode' in answer && (answer.errcode === 40001 || answer.errcode === 42001))
        answer = await post(await tokens.replace(token), req);
      if ('image' in answer) return answer;
      const details = { path: '/wxa/getwxacodeunlimit', errcode: answer.errcode, errmsg: answer.errmsg };
      // 40169 / 40129 / 41030: our own request is wrong (scene or page) — a configuration fault, not WeChat's.
      if ([40169, 40129, 41030].includes(answer.errcode))
        throw new AppError('WECHAT_MISCONFIGURED', '小程序码生成失败，请联系管理员', details);
      if (answer.errcode === 45009)
        throw new AppError('WECHAT_RATE_LIMITED', '今日生成小程序码的次数已用完，请明天再试', details);
      throw new AppError('WECHAT_UNAVAILABLE', '微信服务繁忙，请稍后再试', details);
    },
  };
}

export type WxacodeClient = ReturnType<typeof createWxacodeClient>;
