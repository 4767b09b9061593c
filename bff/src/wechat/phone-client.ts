import { z } from 'zod';
import { AppError } from '../errors.js';
import { retryBusyOnce, wechatFailure } from './http.js';
import type { WechatHttp } from './http.js';
import type { AccessTokenCache } from './access-token.js';
import { e164 } from '../privacy/phone.js';

/** getuserphonenumber's `phone_info`; WeChat adds fields (the watermark's timestamp), kept loose. */
const ZPhoneInfo = z.looseObject({
  phoneNumber: z.string(),
  purePhoneNumber: z.string(),
  countryCode: z.string(),
  watermark: z.looseObject({ appid: z.string() }),
});

/** getPhoneNumber (docs/wechat.md §3): the button's one-time code, exchanged with the server token. */
export function createPhoneClient(http: WechatHttp, tokens: AccessTokenCache, appid: string) {
  return {
    /** The verified number in E.164: `countryCode` + `purePhoneNumber`, never the digits alone. */
    async getPhoneNumber(code: string): Promise<{ phone: string }> {
      const path = '/wxa/business/getuserphonenumber';
      const reply = await tokens.withToken((accessToken) =>
        retryBusyOnce(() => http.post(path, { access_token: accessToken }, { code })),
      );
      if (reply.errcode === 40029) throw new AppError('WECHAT_CODE_INVALID', '手机号授权已失效，请重新授权');
      if (reply.errcode) throw wechatFailure(reply, path);
      const info = ZPhoneInfo.safeParse(reply.phone_info).data;
      // The watermark proves the number was issued for our mini-program and not replayed from another.
      if (!info || info.watermark.appid !== appid) {
        throw new AppError('WECHAT_MISCONFIGURED', '手机号数据校验失败', { path, reason: 'watermark' });
      }
      return { phone: e164(info.countryCode, info.purePhoneNumber) };
    },
  };
}

export type PhoneClient = ReturnType<typeof createPhoneClient>;
