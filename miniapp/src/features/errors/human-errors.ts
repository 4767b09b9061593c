/**
 * What a resident reads when something fails (docs/design.md §Errors): the BFF's machine code mapped to
 * plain words and a way out. The server's own message never reaches the screen — it is written for
 * developers ("缺少参数", "接口不支持该请求方法") — only this table's text does.
 */
export type WayOut = 'retry' | 'home' | 'bind' | 'contact' | 'relogin';
export type HumanError = { title: string; description: string; way: WayOut };

const e = (title: string, description: string, way: WayOut): HumanError => ({ title, description, way });

const TRY_LATER = '请稍后再试；一直不行，请联系物业';
const CALL_OFFICE = '如有疑问，请联系物业';
const LOGIN_CODE = e('这个登录码已经用不了', '请在电脑上刷新，重新扫码', 'home');

/** Every code the BFF answers with (bff/src/errors.ts) and the two the app makes itself. */
export const HUMAN_ERRORS: Record<string, HumanError> = {
  VALIDATION_FAILED: e('填写的内容不完整或格式不对', '请检查后再提交一次', 'retry'),
  CONTENT_RISKY: e('内容没有通过安全检查', '请修改文字或换一张图片后再提交', 'retry'),
  WECHAT_CODE_INVALID: e('微信登录没有成功', '请重新进入小程序', 'relogin'),
  WECHAT_CODE_USED: e('微信登录没有成功', '请重新进入小程序', 'relogin'),
  UNAUTHENTICATED: e('请先登录', '登录后就能继续办理', 'relogin'),
  SESSION_EXPIRED: e('登录已过期', '请重新登录后继续', 'relogin'),
  FORBIDDEN: e('您暂时不能办理这件事', CALL_OFFICE, 'contact'),
  OWN_REQUEST: e('不能审核自己提交的申请', '请由其他工作人员审核', 'home'),
  WECHAT_USER_BLOCKED: e('这个微信账号暂时不能使用', '请联系物业了解原因', 'contact'),
  DESK_STAFF_ONLY: e('只有物业工作人员能在电脑上登录', '住户请在手机上使用', 'home'),
  DESK_SCAN_REQUIRED: e('这件事要在手机上办理', '请用手机微信打开小程序', 'home'),
  NOT_AN_OWNER: e('只有业主本人可以办理', CALL_OFFICE, 'contact'),
  NOT_FOUND: e('没有找到这条内容', '它可能已被删除，或不属于您的房屋', 'home'),
  METHOD_NOT_ALLOWED: e('这个功能暂时用不了', '请回到首页再试', 'home'),
  CONFLICT: e('这件事刚刚有了变化', '请刷新后再看看', 'retry'),
  PHONE_REQUIRED: e('请先验证手机号', '验证后就能继续办理', 'home'),
  ALREADY_BOUND: e('您已经绑定过这套房屋', '在首页“我的房屋”里可以看到它', 'home'),
  PHONE_TAKEN: e('这个手机号已经被另一个微信账号使用', '请联系物业帮您处理', 'contact'),
  ALREADY_DECIDED: e('这项申请已经处理过了', '请刷新后再看看', 'retry'),
  TOO_MANY_PENDING: e('您还有申请在等待审核', '请等物业审核后再提交新的', 'home'),
  BILLS_NOT_PAYABLE: e('这些账单现在不能缴', '可能已经缴清或已取消，请刷新后再看', 'retry'),
  SELLER_BILL: e('这是前业主的欠费', '前业主的欠费由物业与前业主结清，请联系物业处理', 'contact'),
  BILLS_IN_PAYMENT: e('这些账单正在支付中', '请稍等一会儿再刷新，不要重复缴费', 'retry'),
  REFUND_EXCEEDS_PAID: e('退款不能超过已缴的金额', '请核对金额后再试', 'retry'),
  RECONCILE_FAILED: e('对账没有完成', TRY_LATER, 'retry'),
  DESK_TICKET_USED: LOGIN_CODE,
  DESK_TICKET_CANCELLED: LOGIN_CODE,
  DESK_TICKET_STATE: LOGIN_CODE,
  DESK_TICKET_EXPIRED: LOGIN_CODE,
  DESK_CODE_MISMATCH: e('两位数字不一致', '请核对电脑上显示的数字后再选', 'retry'),
  ELECTION_NOT_OPEN: e('现在不在投票时间内', '投票开始和结束的时间在公告里', 'home'),
  NOTICE_PERIOD: e('还在公示期内', '公示期结束后才能继续', 'home'),
  ELECTION_NOT_CLOSED: e('投票还没有结束', '结束后才能看到结果', 'home'),
  ALREADY_VOTED: e('您已经投过票了', '每套房屋只能投一次', 'home'),
  DEVELOPER_HELD: e('这套房屋还登记在开发商名下', '请联系物业核实产权', 'contact'),
  KEY_SPANS_UNITS: e('这项操作涉及多套房屋', '请联系物业帮您处理', 'contact'),
  REVIEW_PENDING: e('还在审核中', '审核通过后会通知您', 'home'),
  VOTING_PERIOD: e('投票正在进行中', '投票期间不能修改', 'home'),
  ROSTER_NOT_CONFIRMED: e('业主名册还没有确认', CALL_OFFICE, 'contact'),
  PAYLOAD_TOO_LARGE: e('文件太大了', '请换一张小一些的图片或文件', 'retry'),
  UNSUPPORTED_MEDIA_TYPE: e('不支持这种文件', '请选择照片（JPG、PNG）或 PDF 文件', 'retry'),
  IMAGE_TYPE_UNSUPPORTED: e('不支持这种图片格式', '请直接拍照，或选择相册里的普通照片', 'retry'),
  IMAGE_HEIC_UNSUPPORTED: e('暂不支持这种照片格式', '请直接拍照上传，或先截图再选择', 'retry'),
  IMAGE_UNREADABLE: e('这张图片打不开', '请重新选择一张', 'retry'),
  WECHAT_RATE_LIMITED: e('操作太频繁了', '请等一分钟再试', 'retry'),
  RATE_LIMITED: e('操作太频繁了', '请等一分钟再试', 'retry'),
  INTERNAL: e('系统出了点问题', TRY_LATER, 'retry'),
  WECHAT_UNAVAILABLE: e('微信服务暂时连不上', TRY_LATER, 'retry'),
  WECHAT_MISCONFIGURED: e('这项服务暂时停用', '请联系物业', 'contact'),
  WECHAT_PAY_FAILED: e('微信支付没有成功', '请稍后再试；如果已经扣款，请联系物业', 'contact'),
  PAYMENT_UNAVAILABLE: e('缴费暂时不能用', TRY_LATER, 'retry'),
  DEPENDENCY_DOWN: e('系统正在维护', TRY_LATER, 'retry'),
  SHUTTING_DOWN: e('系统正在更新', '请过几秒钟再试', 'retry'),
  INVITATION_EXPIRED: e('这份邀请已经失效', '请联系邀请您的人重新发送', 'contact'),
  INVITATION_UNCONFIRMED: e('这份邀请还在等待确认', '另一位管理员确认后就能接受', 'home'),
  INVITATION_CLOSED: e('这份邀请已经用不了', '它可能已被撤回或已被接受，请联系邀请您的人', 'contact'),
  // The role and import codes reach the desk console, not residents; listed so every code has words.
  ROLE_NOT_GRANTABLE: e('您不能授予这个角色', '请由公司管理员办理', 'home'),
  OWN_ROLE: e('不能移除自己的角色', '请由其他管理员办理', 'home'),
  ROLE_HELD: e('这个人已经有这个角色了', '请刷新后再看看', 'retry'),
  LAST_ADMIN: e('公司至少要留一位管理员', '请先邀请另一位管理员', 'home'),
  INVITATION_PENDING: e('已经有一份同样的邀请在等待接受', '请等对方接受，或先撤回它', 'home'),
  MASTER_DUPLICATE: e('已经有同名的记录了', '请换一个名称或编号', 'retry'),
  MASTER_RETIRED: e('这条记录已经停用', '停用的记录只保留历史，不能再修改', 'home'),
  MASTER_IN_USE: e('里面还有在用的房屋', '请先停用这些房屋', 'home'),
  TRANSFER_SAME_OWNERS: e('新业主和现在登记的业主相同', '无需过户，请核对后再登记', 'retry'),
  TRANSFER_OUT_OF_ORDER: e('这套房屋已登记了更晚日期的过户', '请核对过户日期', 'retry'),
  OWNER_DECIDES: e('这户的家属和租户由业主审核', '业主已在小程序中，请业主在「我的」里处理', 'home'),
  IMPORT_EXPIRED: e('这次检查已经过期', '请重新上传文件检查一次', 'retry'),
  IMPORT_HAS_ERRORS: e('文件里还有错误', '请按检查报告改好后重新上传', 'retry'),
  IMPORT_STALE: e('小区资料刚刚有了变化', '请重新上传文件检查一次', 'retry'),
  IMPORT_APPLIED: e('这份文件已经导入过了', '请刷新后再看看', 'home'),
  IMPORT_TOO_LARGE: e('文件太大了', '请分成几个文件导入', 'retry'),
  IMPORT_FILE_INVALID: e('这个文件读不了', '请使用下载的模板，按模板填好后重新上传', 'retry'),
  // Made by the app itself (api/client.ts): no answer at all, or an answer that is not ours.
  NETWORK: e('网络连接不上', '请检查网络后重试', 'retry'),
  HTTP_ERROR: e('服务暂时不可用', TRY_LATER, 'retry'),
};

const UNKNOWN = HUMAN_ERRORS.INTERNAL!;

/** The table's entry for any failure: an ApiError's code, else "something went wrong". */
export function humanError(err: unknown): HumanError {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return (typeof code === 'string' ? HUMAN_ERRORS[code] : undefined) ?? UNKNOWN;
}

/** One line for a toast. */
export const humanToast = (err: unknown) => {
  const h = humanError(err);
  return `${h.title}，${h.description}`;
};
