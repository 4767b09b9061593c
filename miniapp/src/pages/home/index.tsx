import { useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Icon } from '../../components/icon';
import { Cell, CellGroup, Grid, Tag } from '../../ui';
import { bff } from '../../session';
import { CareOffer, CareTiles } from '../../features/display/care-home';
import { useDisplay } from '../../features/display/display';
import { CONTACT_PAGE } from '../../components/way-out';
import { useRequest } from '../../hooks/use-request';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { yuan } from '../../features/fees/money';
import { CalendarWarning } from '../../features/repairs/calendar-warning';
import { VoiceLinks } from '../../features/voice/voice-links';
import { HomeSummary } from '../../features/home/home-summary';
import type { WaitingCounts } from '../../features/home/endpoints';
import type { StaffRole } from '../../api/types';
import { RESIDENT_MODULES, ROLE_LABELS, STATUS_LABELS, staffModules, type ModuleLink } from '../../roles';

/** The numbers on the staff tiles: which count of me/waiting.ts belongs to which module. */
function countOf(key: string, c: WaitingCounts | undefined): number | null {
  if (!c) return null;
  if (key === 'bind-requests') return c.bindRequests;
  if (key === 'moderation') return c.moderation;
  // The office's inbox counts what waits to be accepted; a technician's, their own open jobs.
  if (key === 'repairs-inbox') return c.repairsToAccept ?? c.myJobs;
  // The office's complaints wait for triage; anyone else's, assigned to them and not yet done.
  if (key === 'complaints') return c.complaintsToTriage ?? c.myComplaints;
  if (key === 'return-visits') return c.returnVisitsDue;
  return null;
}

function ModuleGrid({
  modules,
  testId,
  query = '',
  counts,
}: {
  modules: ModuleLink[];
  testId: string;
  query?: string;
  counts?: WaitingCounts;
}) {
  return (
    <View data-testid={testId}>
      <Grid columns={modules.length > 4 ? 5 : 4}>
        {modules.map((m) => (
          <Grid.Item
            key={m.key}
            text={m.title}
            onClick={() => void Taro.navigateTo({ url: `${m.url}${query}` })}
            data-testid={`module-${m.key}`}
          >
            <View className="module-icon">
              <Icon name={m.icon} size={28} />
              <Count n={countOf(m.key, counts)} />
            </View>
          </Grid.Item>
        ))}
      </Grid>
    </View>
  );
}

/** A number on a tile when something waits; said in words to a screen reader. */
function Count({ n }: { n: number | null }) {
  if (!n) return null;
  return (
    <Text className="module-count" aria-label={`${n} 项待处理`} data-testid="module-count">
      {n > 99 ? '99+' : n}
    </Text>
  );
}

/** Resident modules for everyone; the staff workbench for the roles held in the selected community. */
/**
 * 欠费: what a verified unit owes past its due date, with the way to pay. Shown to residents only; it
 * changes nothing they can use.
 */
function Overdue() {
  const summary = useRequest(() => bff.billSummary(), []);
  const owing = (summary.data?.units ?? []).filter((u) => u.overdueFen > 0);
  if (owing.length === 0) return null;
  return (
    <CellGroup title="欠费提醒" data-testid="home-overdue">
      {owing.map((u) => (
        <Cell
          key={u.unitId}
          title={`${u.community.name} ${u.label}`}
          description={`欠费 ${u.overdueBills} 笔，缴费不影响任何服务`}
          extra={<Text className="error">欠费 ¥{yuan(u.overdueFen)}</Text>}
          clickable
          onClick={() => void Taro.navigateTo({ url: `/pages/fees/index?unitId=${u.unitId}` })}
        />
      ))}
    </CellGroup>
  );
}

/** The workbench's tiles with the counts of what waits (issue 30), refreshed whenever the home shows. */
function StaffModules({ communityId, roles }: { communityId: string; roles: StaffRole[] }) {
  const counts = useRequest(() => bff.waitingCounts(communityId), [communityId]);
  // Back from a list where something was decided: the numbers follow (the first show is the load itself).
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void counts.reload();
    shown.current = true;
  });
  const ending = counts.data?.committeeTermEnding;
  return (
    <View>
      {/* The company enters the next term at the desk (业委会成员); the phone only reminds its admins. */}
      {ending && (
        <Text className="hint error" data-testid="home-committee-term">
          本小区业委会任期将于 {ending.endsOn} 届满（还有 {ending.daysLeft}{' '}
          天），请提醒业委会组织换届选举，新一届在电脑端「业委会成员」录入
        </Text>
      )}
      <ModuleGrid
        modules={staffModules(roles)}
        testId="staff-modules"
        query={`?communityId=${communityId}`}
        counts={counts.data}
      />
    </View>
  );
}

export default function Home() {
  const me = useRequest(() => bff.me(), []);
  const care = useDisplay().care === 'on';
  const [communityId, setCommunityId] = useState<string>();
  const [mode, setMode] = useState<'resident' | 'staff'>();
  usePullRefresh(me.reload);

  const staff = me.data?.staff ?? [];
  const selected = staff.find((s) => s.community.id === communityId) ?? staff[0];
  const verified = (me.data?.units ?? []).filter((u) => u.status === 'VERIFIED');
  // Staff who also live here switch between the two faces of the app; staff-only users start at work.
  const shown = selected ? (mode ?? (verified.length > 0 ? 'resident' : 'staff')) : 'resident';

  return (
    <PageShell request={me}>
      <View data-testid="home">
        <Text className="section-title">{me.data?.name ? `您好，${me.data.name}` : '您好'}</Text>
        {selected && (
          <View className="actions" data-testid="mode-switch">
            <Tag
              type={shown === 'resident' ? 'primary' : 'default'}
              onClick={() => setMode('resident')}
              data-testid="mode-resident"
            >
              住户服务
            </Tag>
            <Tag
              type={shown === 'staff' ? 'primary' : 'default'}
              onClick={() => setMode('staff')}
              data-testid="mode-staff"
            >
              员工工作台
            </Tag>
          </View>
        )}
        {shown === 'resident' && (
          <View>
            <CareOffer />
            {verified[0] && <HomeSummary unit={verified[0]} />}
            {verified.length > 0 &&
              (care ? <CareTiles /> : <ModuleGrid modules={RESIDENT_MODULES} testId="resident-modules" />)}
            {verified.length > 0 && <Overdue />}
            {verified.length > 0 && !care && <VoiceLinks />}
            <CellGroup title="我的房屋">
              {(me.data?.units ?? []).map((u) => (
                <Cell
                  key={u.membershipId}
                  title={`${u.community.name} ${u.building.name} ${u.number}室`}
                  extra={<Tag type={u.status === 'VERIFIED' ? 'success' : 'warning'}>{STATUS_LABELS[u.status]}</Tag>}
                />
              ))}
              <Cell
                title="绑定房屋"
                clickable
                onClick={() => void Taro.navigateTo({ url: '/pages/bind/index' })}
                data-testid="bind-more"
              />
            </CellGroup>
          </View>
        )}
        {shown === 'staff' && selected && (
          <View data-testid="staff-workbench">
            {staff.length > 1 && (
              <View className="actions" data-testid="community-switch">
                {staff.map((s) => (
                  <Tag
                    key={s.community.id}
                    type={s === selected ? 'primary' : 'default'}
                    plain
                    onClick={() => setCommunityId(s.community.id)}
                    data-testid={`switch-${s.community.name}`}
                  >
                    {s.community.name}
                  </Tag>
                ))}
              </View>
            )}
            <Text className="hint">
              {selected.community.name} · {selected.roles.map((r) => ROLE_LABELS[r]).join('、')}
            </Text>
            {selected.roles.some((r) => r === 'MANAGER' || r === 'COMPANY_ADMIN') && (
              <CalendarWarning communityId={selected.community.id} />
            )}
            <StaffModules communityId={selected.community.id} roles={selected.roles} />
          </View>
        )}
        <CellGroup>
          <Cell title="联系物业" clickable onClick={() => void Taro.navigateTo({ url: CONTACT_PAGE })} />
          <Cell
            title="我的"
            description="关怀模式、文字大小、退出登录"
            clickable
            onClick={() => void Taro.navigateTo({ url: '/pages/me/index' })}
          />
        </CellGroup>
      </View>
    </PageShell>
  );
}
