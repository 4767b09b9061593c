import { useCallback, useEffect, useState } from 'react';
import { Button, Input, MessagePlugin, Radio, Tag, type PrimaryTableCol } from 'tdesign-react';
import type { WorkCalendarView } from '../../../bff/src/api-types';
import { api } from '../api';
import type { ScreenProps } from '../shell/screens';
import { confirm } from '../lib/confirm';
import { DataTable, useUrlTable } from '../lib/url-table';
import '../lib/screen.css';

type Day = WorkCalendarView['days'][number];

/**
 * 工作日历 (#26; until now phone only): the company's statutory holidays and make-up working days that
 * the repair clocks count by, how far they reach and the run-out warning (GET …/work-calendar). A
 * company admin adds a day (PUT …/:date) or removes one (DELETE, asked first).
 */
export default function Calendar({ communityId, route, me }: ScreenProps) {
  const url = useUrlTable(route);
  const admin = me.staff.some((s) => s.community.id === communityId && s.roles.includes('COMPANY_ADMIN'));
  const base = `/api/staff/communities/${communityId}/work-calendar`;
  const [view, setView] = useState<WorkCalendarView>();
  const [error, setError] = useState<Error>();
  const [day, setDay] = useState({ date: '', working: false, note: '' });
  const load = useCallback(() => {
    setError(undefined);
    api.get<WorkCalendarView>(`${base}/`).then(setView, setError);
  }, [base]);
  useEffect(load, [load]);
  const change = (p: Promise<WorkCalendarView>, done: string) =>
    p.then(
      (v) => {
        setView(v);
        void MessagePlugin.success(done);
      },
      (e: Error) => void MessagePlugin.error(e.message),
    );
  const remove = async (d: Day) => {
    if (await confirm('删除这一天', `${d.date}（${d.note}）将按普通日期计算。`, '删除', { danger: true }))
      await change(api.delete<WorkCalendarView>(`${base}/${d.date}`), '已删除');
  };
  const columns: PrimaryTableCol<Day>[] = [
    { colKey: 'date', title: '日期', width: 130, sorter: true },
    {
      colKey: 'working',
      title: '安排',
      width: 100,
      cell: ({ row }) => <Tag variant="light">{row.working ? '上班（调休）' : '休息'}</Tag>,
    },
    { colKey: 'note', title: '说明' },
    ...(admin
      ? [
          {
            colKey: 'op',
            title: '操作',
            width: 80,
            cell: ({ row }: { row: Day }) => (
              <Button variant="text" theme="danger" onClick={() => void remove(row)}>
                删除
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <div className="wyt-page wyt-mgr">
      <h1>工作日历</h1>
      {view?.warning && (
        <p className="wyt-mgr__warn" role="status">
          {view.warning}
        </p>
      )}
      {view && <p className="wyt-mgr__note">已录入到 {view.coveredUntil}；其余日期按周一至周五上班计算。</p>}
      {admin && (
        <form
          className="wyt-mgr__bar"
          aria-label="录入一天"
          onSubmit={(e) => {
            e.preventDefault();
            if (!day.date || !day.note.trim()) return void MessagePlugin.warning('请填写日期和说明');
            void change(
              api.put<WorkCalendarView>(`${base}/${day.date}`, { working: day.working, note: day.note }),
              '已保存',
            );
          }}
        >
          <input
            type="date"
            aria-label="日期"
            className="t-input"
            value={day.date}
            onChange={(e) => setDay({ ...day, date: e.target.value })}
          />
          <Radio.Group value={day.working} onChange={(v) => setDay({ ...day, working: Boolean(v) })}>
            <Radio value={false}>休息</Radio>
            <Radio value={true}>上班（调休）</Radio>
          </Radio.Group>
          <Input
            aria-label="说明"
            placeholder="说明，如 春节"
            value={day.note}
            onChange={(v) => setDay({ ...day, note: String(v) })}
            style={{ width: 200 }}
          />
          <Button type="submit">保存这一天</Button>
        </form>
      )}
      <DataTable<Day>
        label="节假日与调休"
        rowKey="date"
        columns={columns}
        rows={view?.days}
        whole
        loading={!view && !error}
        error={error}
        retry={load}
        empty="还没有录入节假日"
        url={url}
      />
    </div>
  );
}
