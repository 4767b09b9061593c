import { useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup, Input } from '../../ui';
import { addDays, atBeijing, today } from '../../beijing';
import { inputLabel } from '../../components/a11y';

/** The furthest a proposal may reach (docs/domain.md §1, appointments: beyond it is a deferral, 缓办). */
const MAX_DAYS = 90;
/** Working visits: from 07:00 to 21:00. */
const FIRST = '07:00';
const LAST = '21:00';

export type Proposal = { appointmentAt: string; reason: string };

type Props = { busy: boolean; onSubmit: (p: Proposal) => void; onCancel: () => void };

/**
 * The technician proposes a later appointment for the resident to agree to in the app (docs/domain.md §1,
 * appointments): a day from tomorrow up to 90 days ahead (two weeks ahead by default, as a proposal is
 * for what the 14 days of the contact step cannot hold), a time of day, and the reason the resident reads.
 */
export function ProposeAppointment({ busy, onSubmit, onCancel }: Props) {
  const [day, setDay] = useState(() => addDays(today(), 15));
  const [time, setTime] = useState('09:00');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const submit = () => {
    if (busy) return;
    if (reason.trim().length < 2) return setProblem('请填写改约原因，住户同意前会看到');
    setProblem('');
    const [hh, mm] = time.split(':').map(Number) as [number, number];
    onSubmit({ appointmentAt: atBeijing(day, hh * 60 + mm).toISOString(), reason: reason.trim() });
  };
  return (
    <CellGroup title="提议新的上门时间（住户在小程序中同意后生效）" data-testid="propose-appointment">
      <Picker
        mode="date"
        value={day}
        start={addDays(today(), 1)}
        end={addDays(today(), MAX_DAYS)}
        onChange={(e) => setDay(e.detail.value)}
      >
        <Cell title="日期" extra={day} clickable data-testid="propose-day" />
      </Picker>
      <Picker mode="time" value={time} start={FIRST} end={LAST} onChange={(e) => setTime(e.detail.value)}>
        <Cell title="时间" extra={time} clickable data-testid="propose-time" />
      </Picker>
      <View data-testid="propose-reason">
        <Input
          {...inputLabel('改约原因')}
          placeholder="改约原因，例如：需等厂家配件到货"
          value={reason}
          onChange={setReason}
          maxLength={100}
        />
      </View>
      {problem && <Text className="hint error">{problem}</Text>}
      <View className="actions">
        <Button type="primary" size="large" disabled={busy} onClick={submit}>
          发送给住户
        </Button>
        <Button size="large" disabled={busy} onClick={onCancel}>
          取消
        </Button>
      </View>
    </CellGroup>
  );
}
