import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup, Input } from '../../../ui';
import type { CommunityStaffMember, StaffRole } from '../../../api/types';
import { ROLE_LABELS } from '../../../roles';
import { MAX_STEPS, move, toggle, type StepDraft } from './chain';
import { inputLabel } from '../../../components/a11y';
import { CheckGroup } from '../../../components/check-group';

/** The roles a step may notify as a group (every holder in the community, company-wide ones included). */
const ROLES: StaffRole[] = ['COMPANY_ADMIN', 'MANAGER', 'TECHNICIAN', 'CASHIER'];

type Props = {
  title: string;
  testId: string;
  chain: StepDraft[];
  staff: CommunityStaffMember[];
  editable: boolean;
  onChange: (chain: StepDraft[]) => void;
};

/**
 * One escalation chain (docs/domain.md §1, escalation): its steps in order, each with a name, how long it
 * waits before the next step, and whom it tells — whole roles, or named staff of the community.
 */
export function ChainEditor({ title, testId, chain, staff, editable, onChange }: Props) {
  const set = (i: number, patch: Partial<StepDraft>) =>
    onChange(chain.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const people = staff.map((s) => ({
    value: s.id,
    label: `${s.name}（${s.roles.map((r) => ROLE_LABELS[r]).join('、')}）`,
  }));
  return (
    <View data-testid={testId}>
      <Text className="section-title">{title}</Text>
      {chain.length === 0 && <Text className="hint">没有升级环节：无人接收时只记录超时，不再通知他人</Text>}
      {chain.map((s, i) => (
        <CellGroup key={i} title={`第 ${i + 1} 环节`} data-testid={`${testId}-step`}>
          <Cell title="环节名称" />
          <Input
            value={s.label}
            disabled={!editable}
            {...inputLabel(`第 ${i + 1} 环节的名称`)}
            placeholder="例如：物业公司第二响应"
            onChange={(v) => set(i, { label: v })}
          />
          {/* How long this step has before the next one is told (sla.ts ZEscalationStep, sla-sweep.ts). */}
          <Cell
            title={
              i < chain.length - 1
                ? '本环节时限（分钟）：仍无人接收则升级到下一环节'
                : '本环节时限（分钟）：最后一个环节，之后不再升级'
            }
          />
          <Input
            {...inputLabel(`第 ${i + 1} 环节的时限（分钟）`)}
            type="number"
            value={s.minutes}
            disabled={!editable}
            onChange={(v) => set(i, { minutes: v })}
          />
          <Cell title="通知角色" />
          <CheckGroup
            label={`第 ${i + 1} 环节通知的角色`}
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            chosen={s.roles}
            disabled={!editable}
            onToggle={(r) => set(i, { roles: toggle(s.roles, r as StaffRole) as StepDraft['roles'] })}
          />
          <Cell title="通知指定人员（本小区员工）" />
          <CheckGroup
            label={`第 ${i + 1} 环节通知的人员`}
            options={[
              ...people,
              // Someone named before who has left the staff since: shown, so the administrator can take them out.
              ...s.userIds
                .filter((id) => !staff.some((m) => m.id === id))
                .map((id) => ({ value: id, label: '已不在员工名单' })),
            ]}
            chosen={s.userIds}
            disabled={!editable}
            onToggle={(id) => set(i, { userIds: toggle(s.userIds, id) })}
          />
          {editable && (
            <View className="actions">
              <Button size="small" disabled={i === 0} onClick={() => onChange(move(chain, i, -1))}>
                上移
              </Button>
              <Button size="small" disabled={i === chain.length - 1} onClick={() => onChange(move(chain, i, 1))}>
                下移
              </Button>
              <Button size="small" type="danger" onClick={() => onChange(chain.filter((_, j) => j !== i))}>
                删除
              </Button>
            </View>
          )}
        </CellGroup>
      ))}
      {editable && chain.length < MAX_STEPS && (
        <View className="actions">
          <Button
            size="large"
            onClick={() => onChange([...chain, { label: '', roles: [], userIds: [], minutes: '30' }])}
          >
            添加环节
          </Button>
        </View>
      )}
    </View>
  );
}
