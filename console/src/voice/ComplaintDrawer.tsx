import { useCallback, useEffect, useState } from 'react';
import { MessagePlugin, Tag } from 'tdesign-react';
import type { CommunityStaffMember, ComplaintAction, ComplaintDetail } from '../../../bff/src/api-types';
import { api, beijingTime } from '../api';
import { ErrorState, LoadingState } from '../states';
import { SideDrawer } from '../lib/side-drawer';
import { ClockTag } from './ClockTag';
import { ComplaintActions } from './ComplaintActions';
import { ACTION_LABELS, CHANNEL_LABELS, KIND_LABELS, STATUS_LABELS, STATUS_TAG } from './labels';

/**
 * One complaint beside the list (#31): who and where (masked, or 匿名住户), its running clocks in plain
 * words, the office's next step for its state, and the whole history — internal notes marked 内部.
 * Read and acted on through /api/staff/complaints/:id, where a desk session is only ever the office.
 */
export function ComplaintDrawer(props: {
  id: string | undefined;
  staff: CommunityStaffMember[];
  onClose: () => void;
  onChanged: () => void;
}) {
  const { id } = props;
  const [c, setC] = useState<ComplaintDetail>();
  const [error, setError] = useState<Error>();
  const load = useCallback(() => {
    if (!id) return;
    setError(undefined);
    api.get<ComplaintDetail>(`/api/staff/complaints/${id}`).then(setC, setError);
  }, [id]);
  useEffect(() => {
    setC(undefined);
    load();
  }, [load]);
  const run = async (action: ComplaintAction, done: string) => {
    if (!id) return;
    try {
      setC(await api.post<ComplaintDetail>(`/api/staff/complaints/${id}/actions`, action));
      void MessagePlugin.success(done);
      props.onChanged();
    } catch (e) {
      void MessagePlugin.error((e as Error).message);
    }
  };
  const assignee = c?.assigneeId ? (props.staff.find((s) => s.id === c.assigneeId)?.name ?? '工作人员') : '未分派';

  return (
    <SideDrawer
      open={Boolean(id)}
      header={c ? `${KIND_LABELS[c.kind]} · ${c.category}` : '投诉详情'}
      label="投诉详情"
      onClose={props.onClose}
    >
      <section aria-label="投诉详情" data-testid="complaint-drawer">
        {error ? (
          <ErrorState error={error} retry={load} />
        ) : !c ? (
          <LoadingState />
        ) : (
          <>
            <dl className="wyt-detail">
              <dt>状态</dt>
              <dd data-testid="complaint-status">
                <Tag theme={STATUS_TAG[c.status]} variant="light">
                  {c.closureLabel ?? STATUS_LABELS[c.status]}
                </Tag>
                {c.urgent && <Tag theme="danger">紧急</Tag>}
                {c.rehandleCount > 0 && <Tag variant="outline">重新处理 {c.rehandleCount} 次</Tag>}
              </dd>
              <dt>时限</dt>
              <dd>
                {c.deadlines.length === 0
                  ? '没有正在计时的时限'
                  : c.deadlines.map((d) => <ClockTag key={d.clock} deadline={d} />)}
              </dd>
              <dt>内容</dt>
              <dd className="wyt-voice__text">{c.text}</dd>
              <dt>来自</dt>
              <dd>
                {[c.from.name, c.from.phone, c.from.unit ?? c.place].filter(Boolean).join(' · ')}（
                {CHANNEL_LABELS[c.channel] ?? c.channel}）
              </dd>
              <dt>部门</dt>
              <dd>
                {c.department ?? '未分派'} · {assignee}
              </dd>
              <dt>登记时间</dt>
              <dd>{beijingTime(c.filedAt)}</dd>
              {c.autoCloseAt && (
                <>
                  <dt>自动办结</dt>
                  <dd>住户未答复将于 {beijingTime(c.autoCloseAt)} 自动办结</dd>
                </>
              )}
            </dl>
            <ComplaintActions complaint={c} staff={props.staff} run={run} />
            <h3>处理记录</h3>
            <ol className="wyt-timeline" data-testid="complaint-timeline">
              {c.events.map((e, i) => (
                <li key={i}>
                  {beijingTime(e.at)} · {e.bySystem ? '系统' : (ACTION_LABELS[e.action] ?? e.action)}
                  {!e.public && (
                    <Tag size="small" variant="outline" className="wyt-voice__internal">
                      内部
                    </Tag>
                  )}
                  {e.note ? `：${e.note}` : ''}
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
    </SideDrawer>
  );
}
