import { useState } from 'react';
import { Button, Table, Tag, type PrimaryTableCol } from 'tdesign-react';
import type { Committee } from '../../../bff/src/api-types';
import { api } from '../api';
import type { ScreenProps } from '../shell/screens';
import { useLoad } from '../lib/use-load';
import { EmptyState, ErrorState, LoadingState } from '../states';
import { TermDrawer, type Mode } from './TermDrawer';
import './committee.css';

type Member = NonNullable<Committee['term']>['members'][number];

/**
 * 业委会成员 (docs/roles.md §The committee): the running term with its members and offices and the
 * days to its end, the company's 60-day reminders, the elected of the latest published election with
 * who has no account yet, and (company admins) the drawer that enters a term with its filing evidence.
 */
export default function CommitteeScreen({ communityId }: ScreenProps) {
  const view = useLoad(() => api.get<Committee>(`/api/company/committee?communityId=${communityId}`), communityId);
  const [mode, setMode] = useState<Mode>();
  if (view.error) return <ErrorState error={view.error} retry={() => void view.reload()} />;
  if (!view.data) return <LoadingState />;
  const { term, proposal, reminders, canConfirm } = view.data;
  const columns: PrimaryTableCol<Member>[] = [
    { colKey: 'officeName', title: '职务', width: 100 },
    { colKey: 'name', title: '姓名' },
    { colKey: 'phone', title: '手机号', width: 160 },
  ];
  return (
    <div className="wyt-page wyt-committee">
      <h1>业委会成员</h1>
      {reminders.map((r) => (
        <p key={r.communityId} role="status" className="wyt-committee__reminder">
          {r.communityName} 业委会任期将于 {r.endsOn} 届满（还有 {r.daysLeft} 天），请提醒业委会组织换届选举并及时备案。
        </p>
      ))}
      <section aria-labelledby="committee-term">
        <h2 id="committee-term">本届业委会</h2>
        {term ? (
          <>
            <dl className="wyt-committee__facts">
              <dt>任期</dt>
              <dd>
                {term.startsOn} 至 {term.endsOn}
              </dd>
              <dt>距任期届满</dt>
              <dd>
                <Tag theme={term.daysLeft <= 60 ? 'warning' : 'default'} variant="light">
                  {term.daysLeft} 天
                </Tag>
              </dd>
              <dt>备案日期</dt>
              <dd>{term.filedOn}</dd>
              <dt>来源</dt>
              <dd>{term.electionId ? '选举产生' : '手工录入'}</dd>
            </dl>
            <Table<Member> rowKey="userId" data={term.members} columns={columns} size="small" stripe />
          </>
        ) : (
          <EmptyState text="还没有录入本届业委会" />
        )}
      </section>
      <section aria-labelledby="committee-proposal">
        <h2 id="committee-proposal">最近公布结果的选举</h2>
        {proposal ? (
          <>
            <p>{proposal.election.title}：当选并已使用小程序的业主</p>
            <ul className="wyt-committee__list">
              {proposal.matched.map((m) => (
                <li key={m.candidateId}>
                  {m.name}（{m.phone}）
                </li>
              ))}
            </ul>
            {proposal.unmatched.length > 0 && (
              <>
                <p>不能自动录入的当选人（请邀请其登录小程序，或手工录入）：</p>
                <ul className="wyt-committee__list">
                  {proposal.unmatched.map((m) => (
                    <li key={m.candidateId}>
                      {m.name}：{m.reasonName}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        ) : (
          <p className="wyt-committee__note">没有待录入的选举结果</p>
        )}
      </section>
      {canConfirm ? (
        <div className="wyt-committee__bar">
          {proposal && <Button onClick={() => setMode('election')}>按选举结果录入</Button>}
          <Button theme="default" onClick={() => setMode('manual')}>
            手工录入
          </Button>
        </div>
      ) : (
        <p className="wyt-committee__note">录入业委会需要公司管理员操作。</p>
      )}
      <TermDrawer
        mode={mode}
        communityId={communityId}
        proposal={proposal}
        runningTermId={term?.id ?? null}
        onClose={(done) => {
          setMode(undefined);
          if (done) void view.reload();
        }}
      />
    </div>
  );
}
