import type { ComplaintView } from './types';

type Tone = 'primary' | 'success' | 'warning' | 'default';

/** A complaint's state in the office's words (the console's names, docs/console.md §Voice). */
export function staffStatusOf(c: Pick<ComplaintView, 'status' | 'closure' | 'department'>): {
  label: string;
  tone: Tone;
} {
  switch (c.status) {
    case 'SUBMITTED':
      return { label: '待分派', tone: 'warning' };
    case 'TRIAGED':
      return { label: c.department ? `已分派${c.department}` : '已分派', tone: 'primary' };
    case 'IN_PROGRESS':
      return { label: '处理中', tone: 'primary' };
    case 'DONE':
      return { label: '待回访确认', tone: 'warning' };
    default:
      return c.closure === 'AUTO' ? { label: '自动办结', tone: 'default' } : { label: '已办结', tone: 'success' };
  }
}

const EVENT_LABELS: Record<string, string> = {
  file: '提交',
  triage: '分派',
  contact: '已联系住户',
  note: '处理进展',
  done: '处理完成',
  confirm: '住户答复',
  'auto-close': '自动办结',
};
export const staffEventLabel = (action: string) => EVENT_LABELS[action] ?? '进展';

export const CHANNEL_LABELS = { APP: '小程序', PHONE: '来电', VISIT: '到访' } as const;

export const VISIT_RESULTS = [
  { value: 'SATISFIED', label: '满意' },
  { value: 'BASICALLY_SATISFIED', label: '基本满意' },
  { value: 'UNSATISFIED', label: '不满意' },
] as const;
export const visitResultLabel = (r: string | null) => VISIT_RESULTS.find((v) => v.value === r)?.label ?? '';
