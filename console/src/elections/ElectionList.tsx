import { useState } from 'react';
import { Button, Select, Tag, type PrimaryTableCol } from 'tdesign-react';
import type { CommitteeElectionList, ElectionSummary } from '../../../bff/src/api-types';
import { api, beijingTime } from '../api';
import { go, type Route } from '../route';
import { ErrorState } from '../states';
import { useLoad } from '../lib/use-load';
import { LocalTable } from '../lib/url-table';
import { kindText, STATE_TEXT, type State } from './labels';
import { NewElection } from './NewElection';

type Row = ElectionSummary & { kindText: string };

const COLUMNS: PrimaryTableCol<Row>[] = [
  {
    colKey: 'title',
    title: '标题',
    sorter: true,
    cell: ({ row }) => (
      <a
        href={`#/elections?id=${row.id}`}
        onClick={(e) => {
          e.preventDefault();
          go('/elections', { id: row.id });
        }}
      >
        {row.title}
      </a>
    ),
  },
  { colKey: 'kindText', title: '类别', width: 200, sorter: true },
  {
    colKey: 'state',
    title: '状态',
    width: 120,
    sorter: true,
    cell: ({ row }) => <Tag theme={row.state === 'OPEN' ? 'primary' : 'default'}>{STATE_TEXT[row.state]}</Tag>,
  },
  { colKey: 'closesAt', title: '投票截止', width: 180, sorter: true, cell: ({ row }) => beijingTime(row.closesAt) },
];

/** The community's votes as a table: state filter, sort and page in the URL; a new draft from here. */
export function ElectionList({ communityId, route }: { communityId: string; route: Route }) {
  const list = useLoad(
    () => api.get<CommitteeElectionList>(`/api/committee/communities/${communityId}/elections`),
    communityId,
  );
  const [drafting, setDrafting] = useState(false);
  const state = route.params.get('state') ?? '';
  const rows = (list.data?.items ?? [])
    .filter((e) => !state || e.state === state)
    .map((e) => ({ ...e, kindText: kindText(e) }));
  return (
    <div className="wyt-page wyt-elections">
      <h1>业委会投票</h1>
      <div className="wyt-elections__bar" role="group" aria-label="筛选">
        <Select
          aria-label="状态"
          value={state}
          onChange={(v) =>
            go('/elections', { ...Object.fromEntries(route.params), state: String(v ?? ''), page: undefined })
          }
          options={[
            { label: '全部状态', value: '' },
            ...Object.entries(STATE_TEXT).map(([value, label]) => ({ label, value: value as State })),
          ]}
          style={{ width: 160 }}
        />
        <span className="wyt-elections__count" data-testid="row-count" aria-live="polite">
          {list.data ? `共 ${rows.length} 项` : ''}
        </span>
        <Button onClick={() => setDrafting(true)}>发起投票</Button>
      </div>
      {list.error ? (
        <ErrorState error={list.error} retry={() => void list.reload()} />
      ) : (
        <LocalTable<Row>
          route={route}
          rowKey="id"
          rows={rows}
          columns={COLUMNS}
          label="投票列表"
          empty={state ? '没有这个状态的投票' : '还没有投票，点“发起投票”创建草稿'}
          loading={list.loading}
        />
      )}
      <NewElection
        communityId={communityId}
        visible={drafting}
        onClose={() => setDrafting(false)}
        onCreated={(id) => go('/elections', { id })}
      />
    </div>
  );
}
