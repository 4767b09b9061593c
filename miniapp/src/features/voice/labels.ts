import { shortTime } from '../../beijing';
import type { ComplaintCategory, ComplaintView, DissatisfiedReason } from './types';

/** Ours (bff/src/complaints/schema.ts); the type check refuses one the BFF does not know. */
export const CATEGORIES: readonly ComplaintCategory[] = [
  '服务态度',
  '环境卫生',
  '秩序安全',
  '设施设备',
  '维修质量',
  '收费',
  '噪音扰民',
  '其他',
];

export const DISSATISFIED: readonly DissatisfiedReason[] = [
  '问题没有解决',
  '处理太慢',
  '服务态度不好',
  '没有联系我',
  '其他',
];

export const KIND_LABELS = { COMPLAINT: '投诉', CONSULTATION: '咨询' } as const;

type Tone = 'primary' | 'success' | 'warning' | 'default';

/** A complaint's state in the resident's words, with its tag colour (docs/design.md §Colour). */
export function statusOf(c: Pick<ComplaintView, 'status' | 'closure' | 'department'>): { label: string; tone: Tone } {
  switch (c.status) {
    case 'SUBMITTED':
      return { label: '等待分派', tone: 'warning' };
    case 'TRIAGED':
      return { label: c.department ? `已交给${c.department}` : '已分派', tone: 'primary' };
    case 'IN_PROGRESS':
      return { label: '处理中', tone: 'primary' };
    case 'DONE':
      return { label: '待您确认', tone: 'warning' };
    default:
      return {
        label: c.closure === 'AUTO' ? '已自动结案' : '已办结',
        tone: c.closure === 'AUTO' ? 'default' : 'success',
      };
  }
}

const EVENT_LABELS: Record<string, string> = {
  file: '您提交了',
  triage: '物业已分派',
  contact: '已联系您',
  note: '处理进展',
  done: '处理完成',
  confirm: '您的评价',
  'auto-close': '已自动结案',
};
export const eventLabel = (action: string) => EVENT_LABELS[action] ?? '进展';

/** What happens next and by when, in plain words: the promised time of the running clock, or the answer due. */
export function nextStep(c: ComplaintView): { text: string; late: boolean } | null {
  const d = c.deadlines[0];
  if (d?.clock === 'TRIAGE')
    return d.overdue
      ? { text: `物业承诺在 ${shortTime(d.dueAt)} 前安排处理人，已超时，物业负责人已收到提醒`, late: true }
      : { text: `物业会在 ${shortTime(d.dueAt)} 前安排处理人`, late: false };
  if (d?.clock === 'CONTACT') {
    const who = c.department ?? '物业';
    return d.overdue
      ? { text: `${who}承诺在 ${shortTime(d.dueAt)} 前联系您，已超时，物业负责人已收到提醒`, late: true }
      : { text: `${who}会在 ${shortTime(d.dueAt)} 前联系您`, late: false };
  }
  if (c.status === 'IN_PROGRESS') return { text: '处理人已联系您，正在处理，完成后请您确认结果', late: false };
  if (c.status === 'DONE' && c.autoCloseAt)
    return { text: `请确认处理结果；${shortTime(c.autoCloseAt)} 前没有答复，将自动结案`, late: false };
  return null;
}
