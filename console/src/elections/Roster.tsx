import { useState } from 'react';
import { Button, Checkbox, Drawer, Input, Select, type PrimaryTableCol } from 'tdesign-react';
import type { CommitteeElection } from '../../../bff/src/api-types';
import { api } from '../api';
import { go, type Route } from '../route';
import { EmptyState, ErrorState } from '../states';
import { useLoad } from '../lib/use-load';
import { LocalTable } from '../lib/url-table';
import { ErrorLine } from './ErrorLine';

export type RosterUnit = {
  unitId: string;
  unit: string;
  area: string;
  areaSource: 'REGISTERED' | 'SURVEYED' | 'CONTRACT';
  developerHeld: boolean;
  slot: number;
  voters: { phone: string; source: 'RECORD' | 'SAME_OWNER' | 'SUCCESSOR'; at: string }[];
};
type Row = RosterUnit & { areaNumber: number; voterText: string };

const SOURCE: Record<RosterUnit['areaSource'], string> = { REGISTERED: '产权登记', SURVEYED: '实测', CONTRACT: '合同' };
const VOTER: Record<RosterUnit['voters'][number]['source'], string> = {
  RECORD: '登记业主',
  SAME_OWNER: '原业主换号',
  SUCCESSOR: '继承人/买受人',
};

/** The posted roster (docs/domain.md §5, The roster) of an election, for ballot entry and this table. */
export const loadRoster = (id: string) =>
  api.get<{ confirmedAt: string | null; units: RosterUnit[] }>(`/api/committee/elections/${id}/roster`);

/**
 * 业主名册: unit by unit — area and its source, developer-held, the slot it casts with, who may cast it
 * (masked). Searchable and sortable (URL), paged with the total; corrected while posted (each
 * correction asks the roster to be confirmed again).
 */
export function Roster({
  election: e,
  route,
  onDone,
}: {
  election: CommitteeElection;
  route: Route;
  onDone: () => void;
}) {
  const roster = useLoad(() => loadRoster(e.id), `${e.id}|${e.rosterUnits}|${e.rosterConfirmedAt}`);
  const [editing, setEditing] = useState<RosterUnit>();
  const q = route.params.get('q') ?? '';
  if (e.rosterUnits === 0) return <EmptyState text="业主名册在公示时生成" />;
  if (roster.error) return <ErrorState error={roster.error} retry={() => void roster.reload()} />;
  const rows: Row[] = (roster.data?.units ?? [])
    .filter((u) => !q || u.unit.replace(/\s/g, '').includes(q.replace(/\s/g, '')))
    .map((u) => ({
      ...u,
      areaNumber: Number(u.area),
      voterText:
        u.voters.map((v) => `${v.phone}（${VOTER[v.source]}）`).join('、') ||
        (u.developerHeld ? '开发商（纸质）' : '—'),
    }));
  const columns: PrimaryTableCol<Row>[] = [
    { colKey: 'unit', title: '房屋', width: 130, sorter: true },
    {
      colKey: 'areaNumber',
      title: '面积（㎡）',
      width: 110,
      align: 'right',
      sorter: true,
      cell: ({ row }) => row.area,
    },
    { colKey: 'areaSource', title: '面积来源', width: 100, sorter: true, cell: ({ row }) => SOURCE[row.areaSource] },
    { colKey: 'developerHeld', title: '开发商持有', width: 100, cell: ({ row }) => (row.developerHeld ? '是' : '否') },
    { colKey: 'slot', title: '表决权序号', width: 110, align: 'right', sorter: true },
    { colKey: 'voterText', title: '投票人', ellipsis: true },
    ...(e.state === 'PUBLISHED'
      ? [
          {
            colKey: 'edit',
            title: '操作',
            width: 80,
            cell: ({ row }: { row: Row }) => (
              <Button variant="text" aria-label={`更正 ${row.unit}`} onClick={() => setEditing(row)}>
                更正
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <div data-testid="roster">
      <div className="wyt-elections__bar">
        <label className="wyt-inline">
          <span>查找房屋</span>
          <Input
            value={q}
            onChange={(v) => go(route.path, { ...Object.fromEntries(route.params), q: String(v), page: undefined })}
            placeholder="如 3号楼602"
            clearable
          />
        </label>
        <span className="wyt-elections__count" aria-live="polite">
          {roster.data ? `共 ${rows.length} 户${roster.data.confirmedAt ? '' : '，待确认'}` : ''}
        </span>
      </div>
      <LocalTable<Row>
        route={route}
        rowKey="unitId"
        rows={rows}
        columns={columns}
        label="业主名册"
        empty="没有符合条件的房屋"
        loading={roster.loading}
        pageSizes={[20, 50, 100]}
      />
      {editing && (
        <Correction
          key={editing.unitId}
          electionId={e.id}
          unit={editing}
          onClose={() => setEditing(undefined)}
          onDone={() => (setEditing(undefined), void roster.reload(), onDone())}
        />
      )}
    </div>
  );
}

function Correction(props: { electionId: string; unit: RosterUnit; onClose: () => void; onDone: () => void }) {
  const [area, setArea] = useState(props.unit.area);
  const [areaSource, setSource] = useState(props.unit.areaSource);
  const [developerHeld, setDeveloper] = useState(props.unit.developerHeld);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const save = () =>
    api
      .put(`/api/committee/elections/${props.electionId}/roster/${props.unit.unitId}`, {
        area,
        areaSource,
        developerHeld,
        reason: reason.trim(),
      })
      .then(props.onDone, (err: Error) => setError(err.message));
  return (
    <Drawer
      header={`更正名册：${props.unit.unit}`}
      visible
      onClose={props.onClose}
      size="420px"
      footer={<Button onClick={() => void save()}>保存更正</Button>}
    >
      <div className="wyt-form">
        <label>
          <span>面积（㎡）</span>
          <Input value={area} onChange={(v) => setArea(String(v))} />
        </label>
        <Select
          aria-label="面积来源"
          value={areaSource}
          onChange={(v) => setSource(v as typeof areaSource)}
          options={Object.entries(SOURCE).map(([value, label]) => ({ value, label }))}
        />
        <Checkbox checked={developerHeld} onChange={(v) => setDeveloper(Boolean(v))}>
          开发商持有（开发商以纸质投票）
        </Checkbox>
        <label>
          <span>更正原因（至少 4 个字）</span>
          <Input value={reason} onChange={(v) => setReason(String(v))} />
        </label>
        <p className="wyt-muted">更正后须重新确认业主名册才能开始投票。</p>
        <ErrorLine error={error} />
      </div>
    </Drawer>
  );
}
