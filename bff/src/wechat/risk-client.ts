import { retryBusyOnce, wechatFailure, type WechatHttp } from './http.js';
import type { AccessTokenCache } from './access-token.js';

/**
 * getUserRiskRank (安全风控): WeChat's risk rank of a user, 0–4, higher is riskier. Scene 0 is
 * registration/login. https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/safety-control-capability/wxaapi_getuserriskrank.html
 */
export function createRiskClient(http: WechatHttp, tokens: AccessTokenCache, appid: string) {
  return {
    async userRiskRank(openid: string, clientIp: string): Promise<number> {
      const path = '/wxa/getuserriskrank';
      const reply = await tokens.withToken((accessToken) =>
        retryBusyOnce(() =>
          http.post(path, { access_token: accessToken }, { appid, openid, scene: 0, client_ip: clientIp }),
        ),
      );
      if (reply.errcode || typeof reply.risk_rank !== 'number') throw wechatFailure(reply, path);
      return reply.risk_rank;
    },
  };
}

export type RiskClient = ReturnType<typeof createRiskClient>;
