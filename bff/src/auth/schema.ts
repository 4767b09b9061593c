import { z } from 'zod';

/** A wx.login code is an opaque short string; bound its size so junk never reaches WeChat. */
export const ZLoginRequest = z.object({ code: z.string().trim().min(1, '缺少登录凭证 code').max(128) }).strict();
export type LoginRequest = z.infer<typeof ZLoginRequest>;

export const ZPhoneRequest = z.object({ code: z.string().trim().min(1, '缺少手机号授权 code').max(256) }).strict();
export type PhoneRequest = z.infer<typeof ZPhoneRequest>;
