import { z } from 'zod';
import { ZId, ZText } from '../http/params.js';

export const ZNewElection = z
  .object({
    title: ZText({ min: 4, max: 60, label: '标题' }),
    description: ZText({ min: 0, max: 2000, label: '说明' }).default(''),
    kind: z.enum(['ELECTION', 'MATTER'], '请选择选举或表决事项'),
    /** Matters: ORDINARY (> 1/2) or SPECIAL (≥ 3/4: raising the maintenance fund, rebuilding, changing the use of common parts). An election is ordinary. */
    class: z.enum(['ORDINARY', 'SPECIAL'], '请选择表决类别').default('ORDINARY'),
    seats: z.number('席位数必须是数字').int('席位数必须是整数').min(1, '至少 1 席').max(21, '最多 21 席').default(1),
    buildingId: ZId.optional(),
    closesAt: z.iso.datetime('截止时间格式不正确'),
    allowChange: z.boolean().default(false),
    deliveredCounts: z.boolean().default(false),
    silenceFollows: z.boolean().default(false),
    /** The Regulations art. 14: at least 15 days' notice; the rules of procedure may ask more (docs/domain.md §5, Notice). */
    noticeDays: z
      .number('公示天数必须是数字')
      .int('公示天数必须是整数')
      .min(15, '公示期不少于 15 天')
      .max(90, '公示期不超过 90 天')
      .default(15),
  })
  .refine((e) => e.kind === 'MATTER' || e.class === 'ORDINARY', {
    message: '选举业委会属于一般事项（过半数）',
    path: ['class'],
  })
  .refine((e) => e.kind === 'MATTER' || e.seats % 2 === 1, { message: '业委会委员人数应为单数', path: ['seats'] })
  .refine((e) => e.kind === 'ELECTION' || e.seats === 1, { message: '表决事项只有一项', path: ['seats'] });
export type NewElection = z.infer<typeof ZNewElection>;

export const ZCandidate = z.object({
  name: ZText({ max: 20, label: '姓名' }),
  statement: ZText({ min: 0, max: 500, label: '个人陈述' }).default(''),
  photoUploadId: ZId.optional(),
  sex: z.enum(['男', '女'], '性别只能是男或女'),
  age: z.number('年龄必须是数字').int().min(18, '候选人须年满 18 岁').max(120),
  affiliation: ZText({ max: 20, label: '政治面貌' }),
  occupation: ZText({ max: 30, label: '职业' }),
});

export const ZRosterCorrection = z.object({
  area: z.string('面积必须是数字').regex(/^\d{1,8}(\.\d{1,2})?$/, '面积应为最多两位小数的数字'),
  areaSource: z.enum(['REGISTERED', 'SURVEYED', 'CONTRACT'], '面积来源只能是产权登记、实测或合同'),
  developerHeld: z.boolean(),
  reason: ZText({ min: 4, max: 200, label: '更正原因' }),
});

export const ZBallot = z.object({
  choices: z.array(z.string().min(1).max(64), '请选择').max(21),
  /** Only for someone who holds more than one owner slot (e.g. their own unit and a co-owned one). */
  ownerKey: z.string().max(80).optional(),
});

export const ZPaperBallot = z.object({
  unitId: ZId,
  channel: z.enum(['PAPER', 'PROXY'], '请选择纸质选票或委托投票'),
  choices: z.array(z.string().min(1).max(64), '请选择').max(21),
  evidenceUploadId: ZId,
});

export const ZReceiptParams = z.object({
  id: ZId,
  code: z.string().regex(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/, '回执码格式应为 XXXX-XXXX-XXXX'),
});

export const ZAdmitVoter = z.object({
  unitId: ZId,
  /** The same owner with a new phone casts their key; an heir or buyer casts this unit alone (review finding 1). */
  kind: z.enum(['SAME_OWNER', 'SUCCESSOR'], '请选择原业主换号或继承人、买受人'),
  /**
   * A mainland mobile (1[3-9] and 9 digits, as the owner roster imports it), or E.164 with its `+`
   * (review finding 13): a short string of digits is no phone and would be read as +86.
   */
  phone: z
    .string('请填写手机号')
    .transform((s) => s.replace(/[\s-]/g, ''))
    .pipe(
      z
        .string()
        .regex(/^(1[3-9]\d{9}|\+[1-9]\d{6,14})$/, '手机号格式不正确（大陆手机号 11 位，境外号码请加 + 和国家码）'),
    ),
  reason: ZText({ min: 4, max: 200, label: '原因' }),
  evidenceUploadId: ZId,
});

/** An edit of one of the committee's notices: its title and text (its audience and category stay). */
export const ZCommitteeNoticeEdit = z.object({
  title: ZText({ max: 60, label: '标题' }),
  body: z.string('正文必须是文字').min(1, '请填写正文').max(20_000, '正文最多 20000 字'),
  version: z.number('请带上编辑时的版本号').int().min(1),
});
