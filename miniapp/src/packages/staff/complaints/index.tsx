import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { ListFooter } from '../../../components/list-footer';
import { ChoiceGroup } from '../../../components/choice-group';
import { Button, Cell, CellGroup, Tag } from '../../../ui';
import { bff } from '../../../session';
import { shortTime } from '../../../beijing';
import { useRequest } from '../../../hooks/use-request';
import { usePaged } from '../../../hooks/use-paged';
import { usePagedPage } from '../../../hooks/use-paged-page';
import { KIND_LABELS } from '../../../features/voice/labels';
import { ClockLine } from '../../../features/voice/clock-line';
import { staffStatusOf } from '../../../features/voice/staff-labels';
import { staffVoice, type StaffComplaintFilter } from '../../../features/voice/staff-endpoints';
import '../voice.css';

const FILTERS: { value: StaffComplaintFilter; label: string }[] = [
  { value: 'SUBMITTED', label: '待分派' },
  { value: 'HANDLING', label: '处理中' },
  { value: 'DONE', label: '待回访确认' },
  { value: 'CLOSED', label: '已关闭' },
];

/**
 * 投诉处理 (#31) on the phone: the office's queue of a community by state, newest first, paged; staff
 * outside the office (a department's person) see the complaints assigned to them.
 */
export default function StaffComplaints() {
  const { params } = useRouter();
  const communityId = params.communityId ?? '';
  const me = useRequest(() => bff.me(), []);
  const office = (me.data?.staff ?? []).some(
    (s) => s.community.id === communityId && (s.roles.includes('MANAGER') || s.roles.includes('COMPANY_ADMIN')),
  );
  const [picked, setPicked] = useState<StaffComplaintFilter>();
  const status = picked ?? (office ? 'SUBMITTED' : 'HANDLING');
  const list = usePaged(
    (cursor) =>
      me.data
        ? staffVoice.complaints(communityId, status, cursor)
        : Promise.resolve({ items: [], total: 0, nextCursor: null }),
    [communityId, status, me.data],
  );
  usePagedPage(list);
  if (!communityId) return <PageShell error={new Error('缺少小区参数，请从首页的员工工作台进入')} />;
  const head = (
    <View>
      {office && (
        <View className="actions">
          <Button
            size="large"
            onClick={() =>
              void Taro.navigateTo({ url: `/packages/staff/on-behalf/index?communityId=${communityId}&what=complaint` })
            }
            data-testid="complaint-for-caller"
          >
            代来电人登记投诉
          </Button>
        </View>
      )}
      <ChoiceGroup options={FILTERS} value={status} onChange={(v) => v && setPicked(v)} testId="complaint-filters" />
    </View>
  );
  // Empty, the filters stay: another state may have work.
  if (me.data && list.empty)
    return (
      <PageShell>
        {head}
        <Text className="hint" data-testid="complaints-empty">
          {office ? '这个状态下没有投诉或咨询' : '这个状态下没有派给您的投诉'}
        </Text>
      </PageShell>
    );
  return (
    <PageShell request={me.data ? list : me}>
      {head}
      <CellGroup
        title={`${office ? '投诉与咨询' : '派给我的'}（共 ${list.total} 条）`}
        data-testid="staff-complaint-list"
      >
        {list.items.map((c) => {
          const s = staffStatusOf(c);
          return (
            // NutUI's Cell drops data-* attributes: the row's test id is on a box around it.
            <View key={c.id} data-testid="staff-complaint">
              <Cell
                clickable
                onClick={() => void Taro.navigateTo({ url: `/packages/staff/complaints/detail?id=${c.id}` })}
                title={`${KIND_LABELS[c.kind]} · ${c.category}${c.urgent ? ' · 紧急' : ''}`}
                description={
                  <View>
                    <Text className="staff-voice-line">{`${c.text.slice(0, 40)}${c.text.length > 40 ? '…' : ''}`}</Text>
                    <Text className="staff-voice-line">{`${c.from.name ?? ''} · ${shortTime(c.filedAt)}`}</Text>
                    <ClockLine c={c} />
                  </View>
                }
                extra={<Tag type={s.tone}>{s.label}</Tag>}
              />
            </View>
          );
        })}
      </CellGroup>
      <ListFooter list={list} />
    </PageShell>
  );
}
