/**
 * A message-push URL as WeChat sends it, verbatim from WeChat's own documentation of 消息推送 (open
 * platform, "发起验证": URL https://www.qq.com/revice, Token AAAAA), with the signature it works out:
 * sha1 of the sorted ["1514711492", "1714036504", "AAAAA"] joined. Note the shapes: a 10-digit decimal
 * nonce and a timestamp in seconds (docs/wechat.md §7, The message URL).
 * https://developers.weixin.qq.com/doc/oplatform/Mobile_App/WeChat_Login/message_push.md
 */
export const DOCUMENTED_PUSH = {
  token: 'AAAAA',
  url: 'https://www.qq.com/revice?signature=f464b24fc39322e44b38aa78f5edd27bd1441696&echostr=4375120948345356249&timestamp=1714036504&nonce=1514711492',
};
