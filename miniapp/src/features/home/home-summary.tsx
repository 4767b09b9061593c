import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '../../ui';
import { bff } from '../../session';
import { useRequest } from '../../hooks/use-request';
import { CONTACT_PAGE } from '../../components/way-out';
import { formatPhone, yuanGrouped } from '../display/format';
import type { Me, RepairListPage } from '../../api/types';
import './home-summary.css';

type Status = RepairListPage['items'][number]['status'];
const DONE: Status[] = ['CLOSED', 'CANCELLED', 'RETURNED'];

/** What happens next to a repair, in the resident's words. */
export const NEXT_STEP: Record<Status, string> = {
  SUBMITTED: '等物业接单',
  ACCEPTED: '物业已接单，正在派维修工',
  ASSIGNED: '维修工会打电话和您约时间',
  CONTACTED: '等维修工按约定上门',
  ARRIVED: '维修工正在处理',
  DEFERRED: '按和您商定的计划处理',
  RESOLVED: '已修好，请确认并评价',
  CLOSED: '已完成',
  RETURNED: '已退单',
  CANCELLED: '已撤销',
};

/**
 * The resident home at a glance: the community, its latest notice, my open repair and its next step,
 * what I owe with 去缴费, and one tap to call the office (docs/design.md §Home).
 */
export function HomeSummary({ unit }: { unit: Me['units'][number] }) {
  const { community } = unit;
  const notices = useRequest(() => bff.notices(community.id), [community.id]);
  const repairs = useRequest(() => bff.myRepairs(), []);
  const bills = useRequest(() => bff.billSummary(), []);
  const latest = [...(notices.data?.items ?? [])].sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : -1))[0];
  const open = repairs.data?.items.find((r) => !DONE.includes(r.status));
  const owed = (bills.data?.units ?? []).reduce((s, u) => s + u.openFen, 0);
  const go = (url: string) => void Taro.navigateTo({ url });

  return (
    <View className="home-summary" data-testid="home-summary">
      <Text className="home-summary__community">{community.name}</Text>
      <CellGroup>
        {latest && (
          <Cell
            title="最新公告"
            description={latest.title}
            clickable
            onClick={() => go(`/pages/notices/detail?id=${latest.id}`)}
            data-testid="summary-notice"
          />
        )}
        {open && (
          <Cell
            title={`我的报修 · ${open.part}`}
            description={`下一步：${NEXT_STEP[open.status]}`}
            clickable
            onClick={() => go(`/pages/repairs/detail?id=${open.id}`)}
            data-testid="summary-repair"
          />
        )}
      </CellGroup>
      {bills.data && (
        <View className="home-summary__owed" data-testid="summary-owed">
          {owed > 0 ? (
            <>
              <Text className="home-summary__amount">待缴 ¥{yuanGrouped(owed)}</Text>
              <Button type="primary" size="large" onClick={() => go('/pages/fees/index')}>
                去缴费
              </Button>
            </>
          ) : (
            <Text className="home-summary__paid">物业费已缴清</Text>
          )}
        </View>
      )}
      <Button
        size="large"
        block
        data-testid="summary-call"
        onClick={() =>
          community.dutyPhone ? void Taro.makePhoneCall({ phoneNumber: community.dutyPhone }) : go(CONTACT_PAGE)
        }
      >
        {community.dutyPhone ? `打电话给物业 ${formatPhone(community.dutyPhone)}` : '联系物业'}
      </Button>
    </View>
  );
}
