import { Table } from 'tdesign-react';
import type { CommitteeElection } from '../../../bff/src/api-types';
import { beijingTime } from '../api';
import { EVENT_TEXT } from './labels';

type Event = CommitteeElection['events'][number] & { key: number };

/** 操作记录: every step, correction, review and ballot entered, as audited by the BFF. */
export function Events({ election: e }: { election: CommitteeElection }) {
  return (
    <Table<Event>
      rowKey="key"
      data={e.events.map((ev, i) => ({ ...ev, key: i }))}
      columns={[
        { colKey: 'at', title: '时间', width: 180, cell: ({ row }) => beijingTime(row.at) },
        { colKey: 'action', title: '操作', width: 160, cell: ({ row }) => EVENT_TEXT[row.action] ?? row.action },
        { colKey: 'detail', title: '内容' },
      ]}
      size="small"
      empty="暂无记录"
    />
  );
}
