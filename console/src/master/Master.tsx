import { useState } from 'react';
import { Button, Select, Tag, type PrimaryTableCol } from 'tdesign-react';
import { api } from '../api';
import type { ScreenProps } from '../shell/screens';
import { TabBar } from '../lib/tab-bar';
import { ReasonDialog } from '../lib/reason-dialog';
import { useLoad } from '../lib/use-load';
import { DataTable, useUrlTable } from '../lib/url-table';
import { useKeysetList } from '../lib/keyset-pages';
import { BuildingDrawer } from './BuildingDrawer';
import { CommunityDrawer } from './CommunityDrawer';
import { ParkingDrawer } from './ParkingDrawer';
import { UnitDrawer } from './UnitDrawer';
import { COMMUNITY_RETIRE_WARNING, communityColumns } from './community-columns';
import {
  KIND_LABEL,
  SOURCE_LABEL,
  type BuildingRow,
  type Communities,
  type CommunityRow,
  type ParkingRow,
  type UnitRow,
} from './types';
import '../lib/screen.css';
import './master.css';

type Tab = 'buildings' | 'units' | 'parking' | 'communities';
type Open =
  | { tab: 'buildings'; row?: BuildingRow }
  | { tab: 'units'; row?: UnitRow }
  | { tab: 'parking'; row?: ParkingRow }
  | { tab: 'communities'; row?: CommunityRow };
type Retiring = { path: string; what: string; name: string; warning?: string };
const STATES = [
  { value: 'active', label: '在用' },
  { value: 'retired', label: '已停用' },
  { value: 'all', label: '全部' },
];
const NOUN: Record<Tab, string> = { buildings: '楼栋', units: '房屋', parking: '车位', communities: '小区' };

/**
 * 小区与房屋 (docs/master-data.md): the community's buildings, units and parking (and, for company
 * admins, the company's communities) in tabs; create and edit in a drawer beside the table; retire with a
 * reason after a confirmation. Tab, filters and page live in the URL. A retired community is only shown:
 * nothing in it is added, edited or retired.
 */
export default function Master({ communityId, route }: ScreenProps) {
  const url = useUrlTable(route);
  const communities = useLoad(() => api.get<Communities>('/api/staff/master/communities'), 'communities');
  const admin = (communities.data?.companies.length ?? 0) > 0;
  const frozen = !!communities.data?.items.find((c) => c.id === communityId)?.retiredAt;
  const tab = (url.get('tab', 'buildings') as Tab) ?? 'buildings';
  const state = url.get('state', 'active');
  const buildingId = url.get('building');
  const [open, setOpen] = useState<Open>();
  const [retiring, setRetiring] = useState<Retiring>();
  const base = (what: string, extra = '') =>
    `/api/staff/master/${what}?communityId=${communityId}&state=${state}${extra}`;
  const path =
    tab === 'units'
      ? base('units', buildingId ? `&buildingId=${buildingId}` : '')
      : tab === 'parking'
        ? base('parking')
        : base('buildings');
  const list = useKeysetList<BuildingRow & UnitRow & ParkingRow>(path, url.page, url.size);
  const buildings = useLoad(
    () => api.get<{ items: BuildingRow[] }>(`/api/staff/master/buildings?communityId=${communityId}&limit=100`),
    `${communityId}|${tab}|${open ? 'open' : ''}`,
  );
  const tabs = [
    { value: 'buildings', label: '楼栋' },
    { value: 'units', label: '房屋' },
    { value: 'parking', label: '车位' },
    ...(admin ? [{ value: 'communities', label: '小区' }] : []),
  ];
  const closed = (saved: boolean) => {
    setOpen(undefined);
    if (saved) {
      list.reload();
      void communities.reload();
    }
  };
  const actions = (row: { id: string; retiredAt: string | null }, name: string, edit: () => void) =>
    row.retiredAt || frozen ? (
      <span className="wyt-master__retired">{row.retiredAt ? '已停用' : '小区已停用'}</span>
    ) : (
      <>
        <Button size="small" variant="text" onClick={edit}>
          编辑
        </Button>
        <Button
          size="small"
          variant="text"
          theme="danger"
          onClick={() => setRetiring({ path: `/api/staff/master/${tab}/${row.id}/retire`, what: NOUN[tab], name })}
        >
          停用
        </Button>
      </>
    );
  const retiredTag = (r: { retiredAt: string | null }) =>
    r.retiredAt ? (
      <Tag variant="light">已停用</Tag>
    ) : (
      <Tag variant="light" theme="success">
        在用
      </Tag>
    );

  const buildingCols: PrimaryTableCol<BuildingRow>[] = [
    { colKey: 'name', title: '楼栋', sorter: true },
    { colKey: 'buildingType', title: '类型', width: 100, cell: ({ row }) => row.buildingType ?? '—' },
    { colKey: 'floors', title: '层数', width: 80, cell: ({ row }) => row.floors ?? '—' },
    { colKey: 'units', title: '在用房屋', width: 100 },
    { colKey: 'state', title: '状态', width: 90, cell: ({ row }) => retiredTag(row) },
    {
      colKey: 'op',
      title: '操作',
      width: 130,
      cell: ({ row }) => actions(row, row.name, () => setOpen({ tab: 'buildings', row })),
    },
  ];
  const unitCols: PrimaryTableCol<UnitRow>[] = [
    { colKey: 'building', title: '楼栋', width: 100 },
    { colKey: 'number', title: '房号', width: 90, sorter: true },
    { colKey: 'floor', title: '楼层', width: 70 },
    { colKey: 'buildingArea', title: '建筑面积㎡', width: 110, align: 'right' },
    { colKey: 'exclusiveArea', title: '专有面积㎡', width: 110, align: 'right' },
    { colKey: 'areaSource', title: '面积来源', width: 100, cell: ({ row }) => SOURCE_LABEL[row.areaSource] },
    { colKey: 'deliveredAt', title: '交付日期', width: 110, cell: ({ row }) => row.deliveredAt ?? '未交付' },
    { colKey: 'developerHeld', title: '开发商持有', width: 100, cell: ({ row }) => (row.developerHeld ? '是' : '否') },
    {
      colKey: 'op',
      title: '操作',
      width: 130,
      cell: ({ row }) => actions(row, `${row.building} ${row.number}`, () => setOpen({ tab: 'units', row })),
    },
  ];
  const parkingCols: PrimaryTableCol<ParkingRow>[] = [
    { colKey: 'number', title: '车位号', sorter: true },
    { colKey: 'kind', title: '类型', width: 100, cell: ({ row }) => (row.kind ? KIND_LABEL[row.kind] : '—') },
    { colKey: 'area', title: '面积㎡', width: 100, align: 'right', cell: ({ row }) => row.area ?? '—' },
    { colKey: 'unit', title: '业主或租户房屋', cell: ({ row }) => row.unit ?? '—' },
    {
      colKey: 'op',
      title: '操作',
      width: 130,
      cell: ({ row }) => actions(row, row.number, () => setOpen({ tab: 'parking', row })),
    },
  ];
  const communityCols = communityColumns({
    tag: retiredTag,
    onEdit: (row) => setOpen({ tab: 'communities', row }),
    onRetire: (row) =>
      setRetiring({
        path: `/api/staff/master/communities/${row.id}/retire`,
        what: '小区',
        name: row.name,
        warning: COMMUNITY_RETIRE_WARNING,
      }),
  });

  const table = () => {
    const common = { url, ...list.table, rowKey: 'id' };
    if (tab === 'communities')
      return (
        <DataTable<CommunityRow>
          label="小区列表"
          rowKey="id"
          url={url}
          rows={communities.data?.items}
          whole
          loading={communities.loading}
          error={communities.error}
          columns={communityCols}
          empty="还没有小区"
        >
          <span className="wyt-mgr__grow" />
          <Button theme="primary" onClick={() => setOpen({ tab: 'communities' })}>
            新建小区
          </Button>
        </DataTable>
      );
    const bar = (
      <>
        <Select
          aria-label="状态"
          value={state}
          options={STATES}
          onChange={(v) => url.set({ state: v === 'active' ? undefined : String(v), page: undefined })}
          style={{ width: 110 }}
        />
        {tab === 'units' && (
          <Select
            aria-label="楼栋"
            value={buildingId}
            placeholder="全部楼栋"
            clearable
            options={(buildings.data?.items ?? []).map((b) => ({ label: b.name, value: b.id }))}
            onChange={(v) => url.set({ building: v ? String(v) : undefined, page: undefined })}
            style={{ width: 140 }}
          />
        )}
        <span className="wyt-mgr__grow" />
        <Button
          theme="primary"
          onClick={() => setOpen({ tab } as Open)}
          disabled={frozen || (tab === 'units' && !buildings.data?.items.length)}
        >
          新建{NOUN[tab]}
        </Button>
      </>
    );
    if (tab === 'units')
      return (
        <DataTable<UnitRow> label="房屋列表" {...common} columns={unitCols} empty="没有房屋">
          {bar}
        </DataTable>
      );
    if (tab === 'parking')
      return (
        <DataTable<ParkingRow> label="车位列表" {...common} columns={parkingCols} empty="没有车位">
          {bar}
        </DataTable>
      );
    return (
      <DataTable<BuildingRow> label="楼栋列表" {...common} columns={buildingCols} empty="没有楼栋">
        {bar}
      </DataTable>
    );
  };

  return (
    <div className="wyt-page wyt-mgr">
      <h1>小区与房屋</h1>
      <TabBar
        label="资料类别"
        tabs={tabs}
        value={tab}
        panelId="master-panel"
        onChange={(v) => {
          setOpen(undefined);
          url.set({
            tab: v === 'buildings' ? undefined : v,
            page: undefined,
            sort: undefined,
            state: undefined,
            building: undefined,
          });
        }}
      />
      <div id="master-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {table()}
      </div>
      {open?.tab === 'buildings' && <BuildingDrawer communityId={communityId} row={open.row} onClose={closed} />}
      {open?.tab === 'units' && (
        <UnitDrawer buildings={buildings.data?.items ?? []} buildingId={buildingId} row={open.row} onClose={closed} />
      )}
      {open?.tab === 'parking' && (
        <ParkingDrawer
          communityId={communityId}
          buildings={buildings.data?.items ?? []}
          row={open.row}
          onClose={closed}
        />
      )}
      {open?.tab === 'communities' && (
        <CommunityDrawer companies={communities.data?.companies ?? []} row={open.row} onClose={closed} />
      )}
      {retiring && (
        <ReasonDialog
          header={`停用${retiring.what} ${retiring.name}`}
          warning={
            retiring.warning ??
            '停用后不再计费，也不会出现在业主绑定和欠费清单中；已有账单、投票和报修记录都会保留。停用后不能再修改。'
          }
          reasonLabel="停用原因"
          minReason={2}
          confirmText="停用"
          danger
          onSubmit={(reason) => api.post(retiring.path, { reason })}
          onClose={(done) => {
            setRetiring(undefined);
            if (done) {
              list.reload();
              void communities.reload();
            }
          }}
        />
      )}
    </div>
  );
}
