/**
 * The value examples WeChat's own documentation of 发送订阅消息 gives for the `time` and `date` keyword
 * types, verbatim (the value table of sendMessage): "24小时制时间格式（支持+年月日）… 例如：15:01，或：
 * 2019年10月1日 15:01" and "年月日格式（支持+24小时制时间）… 例如：2019年10月1日，或：2019年10月1日 15:01"
 * (docs/wechat.md §4). The simulator must accept them, and what the BFF sends must have their shape.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 */
export const WECHAT_DOC_SUBSCRIBE_VALUES = {
  time: ['15:01', '2019年10月1日 15:01'],
  date: ['2019年10月1日', '2019年10月1日 15:01'],
} as const;

/**
 * A value a developer reports WeChat refusing for a `time` keyword with 47003 (`argument invalid!
 * data.time14.value is empty`): the hyphenated form the documentation does not list.
 * https://developers.weixin.qq.com/community/develop/doc/000080640a07807e34a2f54c861000
 */
export const WECHAT_REFUSED_TIME_VALUE = '2023-03-24 11:50:00';
