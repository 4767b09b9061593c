import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Select, Table, type PrimaryTableCol, type SortInfo } from 'tdesign-react';
import type { Building } from '../../../bff/src/api-types';
import { api, beijingTime, yuan } from '../api';
import { go, type Route } from '../route';
import { ErrorState } from '../states';
import { loadArrears, ALL, type Row } from './load';
import { RemindSelected } from './Remind';
import { unitLink } from '../cashier-bills/link';
import './arrears.css';
import '../cashier-kit/cashier.css';

const MONTHS = [0, 1, 3, 6, 12].map((m) => ({ label: m === 0 ? '全部欠费' : `欠费满 ${m} 个月`, value: String(m) }));
const SIZES = [20, 50, 100, ALL];

const COLUMNS: PrimaryTableCol<Row>[] = [
  { colKey: 'row-select', type: 'multiple', width: 46 },
  { colKey: 'building', title: '楼栋', width: 90, sorter: true },
  {
    colKey: 'number',
    title: '房号',
    width: 80,
    sorter: true,
    cell: ({ row }) => <a href={unitLink(row.unitId, `${row.building} ${row.number}`)}>{row.number}</a>,
  },
  { colKey: 'items', title: '欠费项目', ellipsis: true },
  { colKey: 'oldestPeriod', title: '最早账期', width: 110, sorter: true },
  { colKey: 'monthsOverdue', title: '欠费月数', width: 100, align: 'right', sorter: true },
  { colKey: 'bills', title: '笔数', width: 70, align: 'right', sorter: true },
  {
    colKey: 'amountFen',
    title: '金额',
    width: 120,
    align: 'right',
    sorter: true,
    // 含前业主: part of it was owed before the unit's transfer; reminders go to the current owners without it.
    cell: ({ row }) =>
      row.sellerFen > 0 ? `${yuan(row.amountFen)}（含前业主 ${yuan(row.sellerFen)}）` : yuan(row.amountFen),
  },
  {
    colKey: 'lastRemindedAt',
    title: '上次催缴',
    width: 170,
    cell: ({ row }) => (row.lastRemindedAt ? beijingTime(row.lastRemindedAt) : '—'),
  },
];

/**
 * 欠费清单 as a table (docs/console.md, Tables): filters, sort, page and page size in the URL; paging
 * with the total; a sticky header; "全部" loads every row into a virtually scrolled table; export
 * streams what is filtered from the BFF.
 */
export default function Arrears({ communityId, route }: { communityId: string; route: Route }) {
  const p = route.params;
  const filters = { buildingId: p.get('building') ?? '', minMonths: p.get('minMonths') ?? '0' };
  const size = Number(p.get('size') ?? 20);
  const page = Number(p.get('page') ?? 1);
  const sortParam = p.get('sort') ?? '';
  const sort = useMemo<SortInfo | undefined>(() => {
    const [sortBy, dir] = sortParam.split(':');
    return sortBy ? { sortBy, descending: dir === 'desc' } : undefined;
  }, [sortParam]);
  const [data, setData] = useState<{ rows: Row[]; total: number }>();
  const [buildings, setBuildings] = useState<Building[]>([]);
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(false);
  const [selected, setSelected] = useState<(string | number)[]>([]);
  const tableBox = useRef<HTMLDivElement>(null);
  // What TDesign leaves unnamed (axe: label, scrollable-region-focusable): the page jumper and the
  // scrolling body, which the keyboard must reach to scroll.
  useEffect(() => {
    const box = tableBox.current;
    box?.querySelector('.t-pagination__jump input')?.setAttribute('aria-label', '跳转到页码');
    const body = box?.querySelector('.t-table__content');
    body?.setAttribute('tabindex', '0');
    body?.setAttribute('role', 'region');
    body?.setAttribute('aria-label', '欠费房屋列表');
    box?.querySelectorAll('.t-checkbox input').forEach((i) => i.setAttribute('aria-label', '选择'));
  });

  const set = (changes: Record<string, string | number | undefined>) =>
    go('/arrears', { ...Object.fromEntries(p), ...changes });

  useEffect(() => {
    api
      .get<{ items: Building[] }>(`/api/communities/${communityId}/buildings`)
      .then((r) => setBuildings(r.items), setError);
  }, [communityId]);

  const key = `${communityId}|${filters.buildingId}|${filters.minMonths}|${size}|${page}`;
  const load = useCallback(() => {
    setSelected([]);
    setLoading(true);
    setError(undefined);
    loadArrears(communityId, filters, size, page)
      .then((d) => {
        performance.mark('arrears-rows'); // where desk_table_10k_ms starts (scripts/lib/bench-console.ts)
        setData(d);
      }, setError)
      .finally(() => setLoading(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key holds every input
  }, [key]);
  useEffect(load, [load]);

  const rows = useMemo(() => {
    if (!data || !sort) return data?.rows ?? [];
    const k = sort.sortBy as keyof Row;
    const sign = sort.descending ? -1 : 1;
    return [...data.rows].sort(
      (a, b) => sign * String(a[k] ?? '').localeCompare(String(b[k] ?? ''), 'zh-CN', { numeric: true }),
    );
  }, [data, sort]);

  const exportAs = (format: 'xlsx' | 'csv') =>
    api
      .download(
        `/api/staff/communities/${communityId}/arrears/export?${new URLSearchParams({
          format,
          minMonths: filters.minMonths,
          ...(filters.buildingId ? { buildingId: filters.buildingId } : {}),
        })}`,
      )
      .catch(setError);

  const all = size === ALL;
  return (
    <div className="wyt-page wyt-arrears">
      <h1>欠费清单</h1>
      <div className="wyt-arrears__filters" role="group" aria-label="筛选">
        <Select
          aria-label="楼栋"
          value={filters.buildingId}
          onChange={(v) => set({ building: String(v ?? ''), page: undefined })}
          options={[{ label: '全部楼栋', value: '' }, ...buildings.map((b) => ({ label: b.name, value: b.id }))]}
          style={{ width: 140 }}
        />
        <Select
          aria-label="欠费月数"
          value={filters.minMonths}
          onChange={(v) => set({ minMonths: String(v), page: undefined })}
          options={MONTHS}
          style={{ width: 160 }}
        />
        <span className="wyt-arrears__count" data-testid="row-count" aria-live="polite">
          {data ? `共 ${data.total} 户${all ? '' : `，本页 ${data.rows.length} 户`}` : ''}
          {selected.length ? `，已选 ${selected.length} 户` : ''}
        </span>
        <RemindSelected communityId={communityId} unitIds={selected.map(String)} onDone={load} />
        <Button variant="outline" onClick={() => void exportAs('xlsx')}>
          导出 Excel
        </Button>
        <Button variant="outline" onClick={() => void exportAs('csv')}>
          导出 CSV
        </Button>
      </div>
      {error ? (
        <ErrorState error={error} retry={load} />
      ) : (
        <div ref={tableBox}>
          <Table<Row>
            rowKey="unitId"
            data={rows}
            columns={COLUMNS}
            loading={loading}
            sort={sort}
            selectedRowKeys={selected}
            onSelectChange={(keys) => setSelected(keys)}
            onSortChange={(s) => {
              const one = Array.isArray(s) ? s[0] : s;
              set({ sort: one ? `${one.sortBy}:${one.descending ? 'desc' : 'asc'}` : undefined });
            }}
            maxHeight="calc(100vh - 240px)"
            scroll={all ? { type: 'virtual', rowHeight: 41, isFixedRowHeight: true, bufferSize: 10 } : undefined}
            empty="没有符合条件的欠费房屋"
            stripe
            hover
            size="small"
            pagination={{
              current: all ? 1 : page,
              pageSize: size,
              total: all ? (data?.rows.length ?? 0) : (data?.total ?? 0),
              pageSizeOptions: SIZES.map((s) => ({ label: s === ALL ? '全部' : `${s} 条/页`, value: s })),
              showJumper: true,
              onChange: (pi) =>
                set({
                  page: pi.current === 1 ? undefined : pi.current,
                  size: pi.pageSize === 20 ? undefined : pi.pageSize,
                }),
            }}
          />
        </div>
      )}
    </div>
  );
}
