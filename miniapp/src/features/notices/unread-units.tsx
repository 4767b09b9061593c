import { Text } from '@tarojs/components';
import { Cell, CellGroup } from '../../ui';
import { bff } from '../../session';
import { useRequest } from '../../hooks/use-request';
import { humanToast } from '../errors/human-errors';

/** For a 停水停电 notice: the units where nobody has read it yet — the doors to knock on. */
export function UnreadUnits({ noticeId }: { noticeId: string }) {
  const units = useRequest(() => bff.unreadUnits(noticeId).then((r) => r.items), [noticeId]);
  if (units.loading && !units.data) return <Text className="hint">正在统计未读房屋…</Text>;
  if (units.error) return <Text className="hint error">{humanToast(units.error)}</Text>;
  return (
    <CellGroup title={`尚未阅读的房屋（${units.data?.length ?? 0} 户）`} data-testid="unread-units">
      {(units.data ?? []).map((u) => (
        <Cell
          key={u.unitId}
          title={`${u.building} ${u.number}室`}
          description={
            u.members.length
              ? u.members.map((m) => `${m.name ?? '未实名'} ${m.phone ?? ''}`).join('；')
              : '暂无绑定住户'
          }
        />
      ))}
    </CellGroup>
  );
}
