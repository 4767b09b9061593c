import { useCallback, useEffect, useState } from 'react';
import { Button, Input, InputNumber, MessagePlugin, Select, Tag } from 'tdesign-react';
import type { RepairAction, RepairDetail, Technician } from '../../../bff/src/api-types';
import { api, beijingTime } from '../api';
import { ErrorState, LoadingState } from '../states';
import { confirm } from '../lib/confirm';
import { SideDrawer } from '../lib/side-drawer';
import { ACTION_LABELS, FAULT_LABELS, STATUS_LABELS, STATUS_TAG } from './labels';

type Status = RepairDetail['status'];
const can = (r: RepairDetail, from: Status[]) => r.myRoles.includes('office') && from.includes(r.status);
const RETURNS = [
  { value: 'WRONG_INFORMATION', label: '信息有误' },
  { value: 'OUT_OF_SCOPE', label: '不属于物业维修范围' },
  { value: 'SOLVED_BY_RESIDENT', label: '住户已自行解决' },
];

/** Sends one action (POST /api/repairs/:id/actions, as on the phone) and tells how it went. */
export async function act(id: string, action: RepairAction) {
  const r = await api.post<RepairDetail>(`/api/repairs/${id}/actions`, action);
  void MessagePlugin.success(`${ACTION_LABELS[action.action] ?? '操作'}成功`);
  return r;
}

/**
 * One repair beside the list (#26: detail in a drawer, the list keeps its place): what was reported,
 * its clocks and history, and the office's actions on it — those the state machine allows now.
 */
export function RepairDrawer(props: {
  id: string | undefined;
  technicians: Technician[];
  onClose: () => void;
  onChanged: () => void;
}) {
  const { id } = props;
  const [repair, setRepair] = useState<RepairDetail>();
  const [error, setError] = useState<Error>();
  const load = useCallback(() => {
    if (!id) return;
    setError(undefined);
    api.get<RepairDetail>(`/api/repairs/${id}`).then(setRepair, setError);
  }, [id]);
  useEffect(() => {
    setRepair(undefined);
    load();
  }, [load]);
  const run = (action: RepairAction) =>
    id &&
    act(id, action).then(
      (r) => {
        setRepair(r);
        props.onChanged();
      },
      (e: Error) => void MessagePlugin.error(e.message),
    );

  return (
    <SideDrawer
      open={Boolean(id)}
      header={repair ? `报修 ${repair.number}` : '报修详情'}
      label="报修详情"
      onClose={props.onClose}
    >
      <section aria-label="报修详情" data-testid="repair-drawer">
        {error ? (
          <ErrorState error={error} retry={load} />
        ) : !repair ? (
          <LoadingState />
        ) : (
          <>
            <dl className="wyt-detail">
              <dt>状态</dt>
              <dd>
                <Tag theme={STATUS_TAG[repair.status]} variant="light">
                  {STATUS_LABELS[repair.status]}
                </Tag>
                {repair.emergency && <Tag theme="danger">应急</Tag>}
              </dd>
              <dt>位置</dt>
              <dd>{repair.place}</dd>
              <dt>故障</dt>
              <dd>
                {FAULT_LABELS[repair.faultType]} · {repair.part}：{repair.phenomenon}
              </dd>
              {repair.description && (
                <>
                  <dt>说明</dt>
                  <dd>{repair.description}</dd>
                </>
              )}
              <dt>联系电话</dt>
              <dd>{repair.contactPhone}</dd>
              <dt>维修工</dt>
              <dd>{repair.assignee?.name ?? '未派单'}</dd>
              <dt>报修时间</dt>
              <dd>{beijingTime(repair.filedAt)}</dd>
              {repair.appointmentAt && (
                <>
                  <dt>预约上门</dt>
                  <dd>{beijingTime(repair.appointmentAt)}</dd>
                </>
              )}
            </dl>
            <Actions repair={repair} technicians={props.technicians} run={run} />
            <h3>处理记录</h3>
            <ol className="wyt-timeline">
              {repair.timeline.map((e, i) => (
                <li key={i}>
                  {beijingTime(e.at)} · {e.by} · {ACTION_LABELS[e.action] ?? e.action}
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

function Actions({
  repair,
  technicians,
  run,
}: {
  repair: RepairDetail;
  technicians: Technician[];
  run: (a: RepairAction) => unknown;
}) {
  const [tech, setTech] = useState(repair.assignee?.id ?? '');
  const [reason, setReason] = useState('');
  const [why, setWhy] = useState('');
  const [days, setDays] = useState(1);
  const [appointment, setAppointment] = useState('');
  const returnIt = async () => {
    const chosen = RETURNS.find((r) => r.value === why);
    if (!chosen) return void MessagePlugin.warning('请选择退单原因');
    const yes = await confirm('确认退单', `退单后报修结束，住户会收到通知（${chosen.label}），不能撤回。`, '退单', {
      danger: true,
    });
    if (yes) await run({ action: 'return', reason: chosen.value as 'OUT_OF_SCOPE' });
  };
  const none = !can(repair, ['SUBMITTED', 'ACCEPTED', 'ASSIGNED', 'CONTACTED', 'ARRIVED']);
  if (none) return <p className="wyt-mgr__note">当前状态下物业没有可执行的操作。</p>;
  return (
    <div className="wyt-actions" role="group" aria-label="报修操作">
      {can(repair, ['SUBMITTED']) && (
        <Button theme="primary" onClick={() => void run({ action: 'accept' })}>
          接收报修
        </Button>
      )}
      {can(repair, ['ACCEPTED', 'ASSIGNED']) && (
        <div className="wyt-actions__row">
          <Select
            aria-label="选择维修工"
            placeholder="选择维修工"
            value={tech}
            onChange={(v) => setTech(String(v ?? ''))}
            options={technicians.map((t) => ({ label: `${t.name}（在办 ${t.openJobs}）`, value: t.id }))}
            style={{ width: 220 }}
          />
          <Button
            onClick={() =>
              tech ? void run({ action: 'assign', technicianId: tech }) : void MessagePlugin.warning('请先选择维修工')
            }
          >
            {repair.status === 'ASSIGNED' ? '改派' : '派单'}
          </Button>
        </div>
      )}
      {can(repair, ['ASSIGNED']) && (
        <div className="wyt-actions__row">
          <input
            type="datetime-local"
            aria-label="预约上门时间"
            value={appointment}
            onChange={(e) => setAppointment(e.target.value)}
            className="t-input"
            style={{ width: 220 }}
          />
          <Button
            onClick={() =>
              appointment
                ? void run({ action: 'contact', appointmentAt: new Date(`${appointment}:00+08:00`).toISOString() })
                : void MessagePlugin.warning('请先填写预约上门时间')
            }
          >
            已联系住户
          </Button>
        </div>
      )}
      {can(repair, ['ACCEPTED', 'ASSIGNED', 'CONTACTED', 'ARRIVED']) && (
        <div className="wyt-actions__row">
          <InputNumber
            theme="normal"
            aria-label="延期天数"
            min={1}
            max={14}
            value={days}
            onChange={(v) => setDays(Number(v))}
          />
          <Input aria-label="延期原因" placeholder="延期原因" value={reason} onChange={(v) => setReason(String(v))} />
          <Button
            variant="outline"
            onClick={() =>
              reason.trim().length < 2
                ? void MessagePlugin.warning('延期原因至少 2 个字')
                : void run({ action: 'extend', days, reason })
            }
          >
            延期
          </Button>
        </div>
      )}
      {can(repair, ['SUBMITTED', 'ACCEPTED', 'ASSIGNED', 'CONTACTED']) && (
        <div className="wyt-actions__row">
          <Select
            aria-label="退单原因"
            placeholder="退单原因"
            value={why}
            onChange={(v) => setWhy(String(v ?? ''))}
            options={RETURNS}
            style={{ width: 220 }}
          />
          <Button theme="danger" variant="outline" onClick={() => void returnIt()}>
            退单
          </Button>
        </div>
      )}
    </div>
  );
}
