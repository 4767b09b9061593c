import { Text } from '@tarojs/components';
import { Cell, CellGroup } from '../../ui';
import { bff } from '../../session';
import { useRequest } from '../../hooks/use-request';
import { DAY_MS, fromNow, shortTime } from '../../beijing';

export const VALIDITY = [
  { value: 'none', label: '长期有效', days: 0 },
  { value: '3', label: '3 天', days: 3 },
  { value: '7', label: '7 天', days: 7 },
  { value: '30', label: '30 天', days: 30 },
] as const;
export type Validity = (typeof VALIDITY)[number]['value'];

/** `effectiveUntil` for a validity chosen today (the end of that day is not promised: N × 24 h). */
export const validUntil = (v: Validity): string | undefined => {
  const days = VALIDITY.find((o) => o.value === v)?.days ?? 0;
  return days ? fromNow(days * DAY_MS).toISOString() : undefined;
};

const PUSH_LABELS = {
  SENT: '已送达',
  QUEUED: '排队中',
  SENDING: '发送中',
  NO_CREDIT: '未订阅',
  REFUSED: '用户拒收',
  FAILED: '发送失败',
  UNKNOWN: '结果未知',
} as const;

/** Whether the WeChat reminders of a published notice went out, and why not. */
export function NoticePushes({ communityId, noticeId }: { communityId: string; noticeId: string }) {
  const pushes = useRequest(() => bff.noticePushes(communityId, noticeId), [communityId, noticeId]);
  const counts = Object.entries(pushes.data?.counts ?? {}) as [keyof typeof PUSH_LABELS, number][];
  return (
    <CellGroup title="微信提醒" data-testid="notice-pushes">
      {counts.length === 0 ? (
        <Cell title={pushes.loading ? '统计中…' : '没有住户订阅公告提醒'} />
      ) : (
        counts.map(([status, n]) => <Cell key={status} title={PUSH_LABELS[status]} extra={`${n} 人`} />)
      )}
    </CellGroup>
  );
}

export function ValidityNote({ until }: { until: string | null | undefined }) {
  return until ? <Text className="hint">有效期至 {shortTime(until)}，到期后住户不再看到</Text> : null;
}
