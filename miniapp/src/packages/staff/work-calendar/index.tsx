import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Button, Cell, CellGroup, Input, TextArea } from '../../../ui';
import { bff } from '../../../session';
import { useAction, useRequest } from '../../../hooks/use-request';
import { today } from '../../../beijing';
import { inputLabel } from '../../../components/a11y';

type Day = { date: string; working: boolean; note: string };

/** "2027-01-01 元旦" per line (a range "2027-02-11~2027-02-17 春节" too) into days; the lines it cannot read. */
function parseDays(text: string, working: boolean): { days: Day[]; bad: string[] } {
  const days: Day[] = [];
  const bad: string[] = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const m = /^(\d{4}-\d{2}-\d{2})(?:\s*[~～至-]\s*(\d{4}-\d{2}-\d{2}))?\s*(.*)$/.exec(line);
    if (!m) {
      bad.push(line);
      continue;
    }
    const note = m[3]!.trim() || (working ? '调休上班' : '放假');
    const from = new Date(`${m[1]}T00:00:00Z`);
    const to = new Date(`${m[2] ?? m[1]}T00:00:00Z`);
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to < from) {
      bad.push(line);
      continue;
    }
    for (let d = from; d <= to; d = new Date(d.getTime() + 86_400_000))
      days.push({ date: d.toISOString().slice(0, 10), working, note });
  }
  return { days, bad };
}

/**
 * A company administrator enters a year's whole schedule — statutory holidays and make-up working days
 * (调休) — on one screen and confirms it; the year then counts as covered (docs/domain.md §1, working days).
 */
export default function WorkCalendarYear() {
  const { params } = useRouter();
  const communityId = params.communityId ?? '';
  const calendar = useRequest(() => bff.workCalendar(communityId), [communityId]);
  const me = useRequest(() => bff.me(), []);
  // Managers reach this page from the home too; only a company administrator confirms a year (routes.ts).
  const admin = (me.data?.staff ?? []).some((s) => s.community.id === communityId && s.roles.includes('COMPANY_ADMIN'));
  const [year, setYear] = useState(String(Number(today().slice(0, 4)) + 1));
  const [holidays, setHolidays] = useState('');
  const [workdays, setWorkdays] = useState('');
  const [bad, setBad] = useState<string[]>([]);
  const save = useAction(async () => {
    const off = parseDays(holidays, false);
    const on = parseDays(workdays, true);
    setBad([...off.bad, ...on.bad]);
    if (off.bad.length + on.bad.length > 0) return;
    await bff.confirmWorkCalendarYear(communityId, Number(year), [...off.days, ...on.days]);
    await calendar.reload();
    void Taro.showToast({ title: `${year} 年已确认`, icon: 'success' });
  });
  if (!communityId) return <PageShell error={new Error('缺少小区参数，请从超时报修进入')} />;
  return (
    <PageShell request={calendar}>
      {calendar.data?.warning && (
        <View data-testid="calendar-warning">
          <Text className="hint error">{calendar.data.warning}</Text>
        </View>
      )}
      <CellGroup title="日历覆盖到">
        <Cell title={calendar.data?.coveredUntil ?? '—'} />
      </CellGroup>
      <CellGroup title="年份">
        <Input {...inputLabel('年份')} data-testid="calendar-year" type="number" value={year} onChange={setYear} />
      </CellGroup>
      <CellGroup title="放假日期（每行一天或一段，如 2027-02-11~2027-02-17 春节）">
        <TextArea
          data-testid="calendar-holidays"
          placeholder="2027-01-01 元旦"
          value={holidays}
          onChange={setHolidays}
          autoSize
        />
      </CellGroup>
      <CellGroup title="调休上班日期（每行一天）">
        <TextArea
          data-testid="calendar-workdays"
          placeholder="2027-02-06 春节调休"
          value={workdays}
          onChange={setWorkdays}
          autoSize
        />
      </CellGroup>
      <Text className="hint">
        以国务院办公厅发布的当年《部分节假日安排的通知》为准。确认后这一年原有的修改将被替换，并记录确认人。
      </Text>
      {bad.length > 0 && <Text className="hint error">{`无法识别：${bad.join('、')}`}</Text>}
      {save.error && <Text className="hint error">{save.error.message}</Text>}
      {admin ? (
        <View className="actions">
          <Button type="primary" size="large" disabled={save.running} onClick={() => void save.run()}>
            确认全年安排
          </Button>
        </View>
      ) : (
        me.data && <Text className="hint">只有物业公司管理员可以确认全年安排，请联系公司管理员录入</Text>
      )}
    </PageShell>
  );
}
