import type { SnapshotDetail } from '../../api/types';

export const KIND_LABELS: Record<SnapshotDetail['kind'], string> = {
  PRAISE: '表扬',
  SUGGESTION: '建议',
  PROBLEM: '问题',
};
export const KINDS = Object.keys(KIND_LABELS) as SnapshotDetail['kind'][];
export const STATUS_LABELS: Record<SnapshotDetail['status'], string> = {
  SUBMITTED: '待受理',
  ACCEPTED: '已受理',
  HANDLED: '已回复',
  CLOSED: '已办结',
  AUTO_CLOSED: '自动办结',
};
export const STATUS_TAG: Record<SnapshotDetail['status'], 'default' | 'primary' | 'success' | 'warning' | 'danger'> = {
  SUBMITTED: 'warning',
  ACCEPTED: 'primary',
  HANDLED: 'success',
  CLOSED: 'default',
  AUTO_CLOSED: 'danger',
};
