import type { ComplaintDetail } from '../../../bff/src/api-types';

/** The voice screens' words (#31): the states, kinds and choices of docs/domain.md §8. */
export const STATUS_LABELS: Record<ComplaintDetail['status'], string> = {
  SUBMITTED: '待分派',
  TRIAGED: '已分派',
  IN_PROGRESS: '处理中',
  DONE: '待确认',
  CLOSED: '已办结',
};
export const STATUS_TAG: Record<ComplaintDetail['status'], 'warning' | 'primary' | 'default' | 'success'> = {
  SUBMITTED: 'warning',
  TRIAGED: 'primary',
  IN_PROGRESS: 'primary',
  DONE: 'default',
  CLOSED: 'primary',
};
export const KIND_LABELS: Record<ComplaintDetail['kind'], string> = { COMPLAINT: '投诉', CONSULTATION: '咨询' };
export const CHANNEL_LABELS: Record<string, string> = { APP: '小程序', PHONE: '电话', VISIT: '到访' };
export const ACTION_LABELS: Record<string, string> = {
  file: '登记',
  triage: '分派',
  contact: '联系住户',
  note: '处理进展',
  done: '处理完成',
  confirm: '住户确认',
  'auto-close': '自动办结',
};
/** The same lists the BFF validates against (bff/src/complaints/schema.ts). */
export const CATEGORIES = ['服务态度', '环境卫生', '秩序安全', '设施设备', '维修质量', '收费', '噪音扰民', '其他'];
export const DEPARTMENTS = ['客服部', '工程部', '秩序部', '环境部', '综合部'];
export const VISIT_RESULTS = [
  { value: 'SATISFIED', label: '满意' },
  { value: 'BASICALLY_SATISFIED', label: '基本满意' },
  { value: 'UNSATISFIED', label: '不满意' },
] as const;
export const VISIT_RESULT_LABELS: Record<string, string> = Object.fromEntries(
  VISIT_RESULTS.map((r) => [r.value, r.label]),
);
export const options = (list: readonly string[]) => list.map((v) => ({ label: v, value: v }));
/** A share in tenths of a percent, as the BFF counts it (integers): 953 → 95.3%. */
export const permille = (p: number | null) => (p === null ? '—' : `${(p / 10).toFixed(1)}%`);
