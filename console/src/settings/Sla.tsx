import { useCallback, useEffect, useState } from 'react';
import { Button, Input, InputNumber, MessagePlugin, Select, Table, Tag } from 'tdesign-react';
import type { CommunityStaffMember, EscalationStep, RepairSlaView, StaffRole } from '../../../bff/src/api-types';
import { api } from '../api';
import type { ScreenProps } from '../shell/screens';
import { ErrorState, LoadingState } from '../states';
import '../lib/screen.css';

type Settings = RepairSlaView['settings'];
type Clock =
  | 'acceptMinutes'
  | 'emergencyContactMinutes'
  | 'emergencyArriveMinutes'
  | 'routineContactMinutes'
  | 'routineArriveMinutes';
const CLOCKS: { key: Clock | 'feedbackDays'; label: string; unit: string }[] = [
  { key: 'acceptMinutes', label: '接收时限', unit: '分钟' },
  { key: 'emergencyContactMinutes', label: '应急：联系住户', unit: '分钟' },
  { key: 'emergencyArriveMinutes', label: '应急：到场', unit: '分钟' },
  { key: 'routineContactMinutes', label: '日常：联系住户（工作时间）', unit: '分钟' },
  { key: 'routineArriveMinutes', label: '日常：联系后到场', unit: '分钟' },
  { key: 'feedbackDays', label: '反馈结果', unit: '天' },
];
const ROLE_LABELS: Record<string, string> = {
  MANAGER: '小区经理',
  COMPANY_ADMIN: '公司管理员',
  TECHNICIAN: '维修工',
  CASHIER: '收银员',
  COMMITTEE_MEMBER: '业委会',
};
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * 报修时限与升级 (#26; until now API only): the community's SLA clocks and the two escalation chains
 * (GET …/repair-sla, the people from GET …/staff). A company admin edits and saves them (PUT); a
 * manager reads them.
 */
export default function Sla({ communityId, me }: ScreenProps) {
  const admin = me.staff.some((s) => s.community.id === communityId && s.roles.includes('COMPANY_ADMIN'));
  const [view, setView] = useState<RepairSlaView>();
  const [draft, setDraft] = useState<Settings>();
  const [people, setPeople] = useState<CommunityStaffMember[]>([]);
  const [error, setError] = useState<Error>();
  const load = useCallback(() => {
    setError(undefined);
    api.get<RepairSlaView>(`/api/staff/communities/${communityId}/repair-sla`).then((v) => {
      setView(v);
      setDraft(v.settings);
    }, setError);
    api
      .get<{ items: CommunityStaffMember[] }>(`/api/staff/communities/${communityId}/staff`)
      .then((r) => setPeople(r.items), setError);
  }, [communityId]);
  useEffect(load, [load]);
  if (error) return <ErrorState error={error} retry={load} />;
  if (!view || !draft) return <LoadingState />;

  const save = () =>
    api.put<RepairSlaView>(`/api/staff/communities/${communityId}/repair-sla`, draft).then(
      (v) => {
        setView(v);
        setDraft(v.settings);
        void MessagePlugin.success('已保存，新的时限从现在起计');
      },
      (e: Error) => void MessagePlugin.error(e.message),
    );
  const chain = (which: 'escalation' | 'emergencyEscalation', title: string) => {
    const steps = draft[which];
    const setSteps = (next: EscalationStep[]) => setDraft({ ...draft, [which]: next });
    const edit = (i: number, change: Partial<EscalationStep>) =>
      setSteps(steps.map((s, j) => (j === i ? { ...s, ...change } : s)));
    return (
      <section aria-label={title}>
        <h2>{title}</h2>
        <Table<EscalationStep & { i: number }>
          rowKey="i"
          size="small"
          data={steps.map((s, i) => ({ ...s, i }))}
          empty="没有升级环节"
          columns={[
            { colKey: 'i', title: '顺序', width: 60, cell: ({ row }) => row.i + 1 },
            {
              colKey: 'label',
              title: '环节',
              cell: ({ row }) =>
                admin ? (
                  <Input
                    aria-label={`${title}第 ${row.i + 1} 环节名称`}
                    value={row.label}
                    onChange={(v) => edit(row.i, { label: String(v) })}
                  />
                ) : (
                  row.label
                ),
            },
            {
              colKey: 'roles',
              title: '通知',
              cell: ({ row }) =>
                admin ? (
                  <Select
                    aria-label={`${title}第 ${row.i + 1} 环节通知的角色`}
                    multiple
                    value={row.roles}
                    onChange={(v) => edit(row.i, { roles: v as StaffRole[] })}
                    options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))}
                  />
                ) : (
                  [
                    ...row.roles.map((r) => ROLE_LABELS[r]),
                    ...row.userIds.map((id) => people.find((p) => p.id === id)?.name ?? '员工'),
                  ].join('、')
                ),
            },
            {
              colKey: 'minutes',
              title: '时限（分钟）',
              width: 150,
              cell: ({ row }) =>
                admin ? (
                  <InputNumber
                    theme="normal"
                    aria-label={`${title}第 ${row.i + 1} 环节时限`}
                    min={1}
                    max={1440}
                    value={row.minutes}
                    onChange={(v) => edit(row.i, { minutes: Number(v) })}
                  />
                ) : (
                  row.minutes
                ),
            },
            ...(admin
              ? [
                  {
                    colKey: 'op',
                    title: '操作',
                    width: 80,
                    cell: ({ row }: { row: { i: number } }) => (
                      <Button
                        variant="text"
                        theme="danger"
                        onClick={() => setSteps(steps.filter((_, j) => j !== row.i))}
                      >
                        删除
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {admin && steps.length < 5 && (
          <Button
            variant="dashed"
            onClick={() => setSteps([...steps, { label: '督办', roles: ['COMPANY_ADMIN'], userIds: [], minutes: 30 }])}
          >
            增加环节
          </Button>
        )}
      </section>
    );
  };

  return (
    <div className="wyt-page wyt-mgr">
      <h1>报修时限与升级 {view.isDefault && <Tag variant="light">默认设置</Tag>}</h1>
      {!admin && <p className="wyt-mgr__note">时限和升级链由公司管理员设置，这里只能查看。</p>}
      <section aria-label="报修时限">
        <h2>
          时限（上班时间 {hhmm(draft.workStart)}–{hhmm(draft.workEnd)}）
        </h2>
        <Table
          rowKey="key"
          size="small"
          data={CLOCKS}
          columns={[
            { colKey: 'label', title: '环节' },
            {
              colKey: 'value',
              title: '时限',
              width: 220,
              cell: ({ row }) =>
                admin ? (
                  <InputNumber
                    theme="normal"
                    aria-label={row.label}
                    min={1}
                    value={draft[row.key]}
                    onChange={(v) => setDraft({ ...draft, [row.key]: Number(v) })}
                    suffix={row.unit}
                  />
                ) : (
                  `${draft[row.key]} ${row.unit}`
                ),
            },
            {
              colKey: 'default',
              title: '默认',
              width: 120,
              cell: ({ row }) => `${view.defaults[row.key]} ${row.unit}`,
            },
          ]}
        />
      </section>
      {chain('escalation', '日常报修无人接收时的升级链')}
      {chain('emergencyEscalation', '应急报修无人接收时的升级链')}
      {admin && (
        <div className="wyt-mgr__bar">
          <Button theme="primary" onClick={() => void save()}>
            保存
          </Button>
          <Button variant="outline" onClick={() => setDraft(view.settings)}>
            放弃修改
          </Button>
        </div>
      )}
    </div>
  );
}
