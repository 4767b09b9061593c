import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Button, Table, type PrimaryTableCol, type SortInfo, type TableRowData } from 'tdesign-react';
import { go, type Route } from '../route';
import { EmptyState, ErrorState } from '../states';
import './url-table.css';
import './screen.css';

export const PAGE_SIZES = [20, 50, 100];

/**
 * A screen's state in the URL (docs/console.md §Console helpers): filters, `sort` (`column:asc|desc`),
 * `page`, `size` and the open item, so a reload or a shared link shows the same rows. `set` changes
 * some and keeps the rest; `path` is the screen's route (the current one by default).
 */
export function useUrlTable(route: Route, path = route.path) {
  const p = route.params;
  const sortParam = p.get('sort') ?? '';
  const sort = useMemo<SortInfo | undefined>(() => {
    const [sortBy, dir] = sortParam.split(':');
    return sortBy ? { sortBy, descending: dir === 'desc' } : undefined;
  }, [sortParam]);
  return {
    params: p,
    get: (k: string, fallback = '') => p.get(k) ?? fallback,
    page: Number(p.get('page') ?? 1),
    size: Number(p.get('size') ?? PAGE_SIZES[0]),
    sort,
    set: (changes: Record<string, string | number | undefined>) => go(path, { ...Object.fromEntries(p), ...changes }),
  };
}
export type UrlTable = ReturnType<typeof useUrlTable>;

/** Rows in the order of the sort: numbers as numbers, text as Chinese readers sort it (`value` reads a cell). */
export function sortRows<T>(rows: T[], sort: SortInfo | undefined, value?: (row: T, key: string) => unknown): T[] {
  if (!sort) return rows;
  const read = value ?? ((row: T, key: string) => (row as Record<string, unknown>)[key]);
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = read(a, sort.sortBy);
    const y = read(b, sort.sortBy);
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * String(x ?? '').localeCompare(String(y ?? ''), 'zh-CN', { numeric: true });
  });
}

/**
 * What TDesign leaves unnamed (axe: scrollable-region-focusable, label): the scrolling body, the page
 * jumper and the selection boxes. Returns the ref of the table's box.
 */
function useNamedTable(label: string) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    el?.querySelector('.t-pagination__jump input')?.setAttribute('aria-label', '跳转到页码');
    el?.querySelectorAll('.t-pagination .t-select input').forEach((i) => i.setAttribute('aria-label', '每页条数'));
    const body = el?.querySelector('.t-table__content');
    body?.setAttribute('tabindex', '0');
    body?.setAttribute('role', 'region');
    body?.setAttribute('aria-label', label);
    el?.querySelectorAll('.t-table__th-row-select input, .t-table__cell--selectable input').forEach((i) =>
      i.setAttribute('aria-label', '选择'),
    );
  });
  return box;
}

type Props<T extends TableRowData> = {
  /** What the rows are, for screen readers (the scrolling region's name). */
  label: string;
  rowKey: string;
  /** Undefined while the first answer is awaited. */
  rows: T[] | undefined;
  columns: PrimaryTableCol<T>[];
  url: UrlTable;
  /** The total of every page (the BFF's); without it the table is one page of `rows`… */
  total?: number;
  /** …unless `rows` is the whole list, then paged here (page and size in the URL all the same). */
  whole?: boolean;
  /** The row open in the drawer beside the table, highlighted. */
  activeKey?: string;
  loading?: boolean;
  error?: Error;
  retry?: () => void;
  empty: string;
  /** The row count's test id and unit (`共 12 条`). */
  countId?: string;
  unit?: string;
  /** Row selection for bulk actions. */
  selected?: (string | number)[];
  onSelect?: (keys: (string | number)[]) => void;
  onRowClick?: (row: T) => void;
  /** Beside the row count: the screen's filters and actions. */
  children?: ReactNode;
};

/**
 * The console's one table (docs/console.md §Console helpers): sortable columns whose sort is in the
 * URL, paging with the total (the BFF's keyset pages, or a whole list paged here), a sticky header (the
 * body scrolls under it), the row count, row selection, the open row highlighted, and the loading, empty
 * and error states. TDesign leaves the scrolling body, the page jumper and the page size unnamed: named
 * here (axe: scrollable-region-focusable, label).
 */
export function DataTable<T extends TableRowData>(props: Props<T>) {
  const { url, selected, onSelect, whole, unit = '条' } = props;
  const rows = props.rows;
  const box = useNamedTable(props.label);
  const sorted = useMemo(() => sortRows(rows ?? [], url.sort), [rows, url.sort]);
  const shown = whole ? sorted.slice((url.page - 1) * url.size, url.page * url.size) : sorted;
  const total = whole ? sorted.length : props.total;
  const paged = total !== undefined;
  const columns: PrimaryTableCol<T>[] = onSelect
    ? [{ colKey: 'row-select', type: 'multiple', width: 46 }, ...props.columns]
    : props.columns;
  const waiting = !rows || (props.loading && !rows.length);
  return (
    <div className="wyt-table" ref={box}>
      <div className="wyt-table__bar" role="group" aria-label="筛选与操作">
        <span className="wyt-table__count" data-testid={props.countId ?? 'row-count'} aria-live="polite">
          {waiting ? '' : `共 ${total ?? shown.length} ${unit}`}
          {!waiting && paged ? `，本页 ${shown.length} ${unit}` : ''}
          {selected?.length ? `，已选 ${selected.length} ${unit}` : ''}
        </span>
        {props.children}
      </div>
      {props.error ? (
        <ErrorState error={props.error} retry={props.retry} />
      ) : (
        <Table<T>
          rowKey={props.rowKey}
          data={shown}
          columns={columns}
          loading={props.loading}
          sort={url.sort}
          onSortChange={(s) => {
            const one = Array.isArray(s) ? s[0] : s;
            url.set({ sort: one ? `${one.sortBy}:${one.descending ? 'desc' : 'asc'}` : undefined });
          }}
          selectedRowKeys={selected}
          onSelectChange={onSelect ? (keys) => onSelect(keys) : undefined}
          onRowClick={props.onRowClick ? ({ row }) => props.onRowClick!(row) : undefined}
          rowClassName={({ row }) =>
            props.activeKey && row[props.rowKey] === props.activeKey ? 'wyt-table__active' : ''
          }
          maxHeight="calc(100vh - 260px)"
          empty={<EmptyState text={props.empty} />}
          stripe
          hover
          size="small"
          pagination={
            !paged
              ? undefined
              : {
                  current: url.page,
                  pageSize: url.size,
                  total,
                  pageSizeOptions: PAGE_SIZES.map((s) => ({ label: `${s} 条/页`, value: s })),
                  showJumper: true,
                  onChange: (pi) =>
                    url.set({
                      page: pi.current === 1 ? undefined : pi.current,
                      size: pi.pageSize === PAGE_SIZES[0] ? undefined : pi.pageSize,
                    }),
                }
          }
        />
      )}
    </div>
  );
}

type LocalProps<T extends TableRowData> = {
  route: Route;
  rowKey: string;
  rows: T[];
  columns: PrimaryTableCol<T>[];
  /** What the scrolling region is called to a screen reader. */
  label: string;
  empty: string;
  loading?: boolean;
  pageSizes?: number[];
};

/**
 * A table of rows all loaded at once, paged here: its sort (`sort=col:asc`), page and page size live in
 * the URL (docs/console.md §Tables); a new sort goes back to the first page.
 */
export function LocalTable<T extends TableRowData>(props: LocalProps<T>) {
  const url = useUrlTable(props.route, props.route.path);
  const sizes = props.pageSizes ?? [10, 20, 50];
  const size = Number(url.params.get('size') ?? sizes[0]);
  const sorted = useMemo(() => sortRows(props.rows, url.sort), [props.rows, url.sort]);
  const box = useNamedTable(props.label);
  return (
    <div ref={box}>
      <Table<T>
        rowKey={props.rowKey}
        data={sorted}
        columns={props.columns}
        loading={props.loading}
        sort={url.sort}
        onSortChange={(s) => {
          const one = Array.isArray(s) ? s[0] : s;
          url.set({ sort: one ? `${one.sortBy}:${one.descending ? 'desc' : 'asc'}` : undefined, page: undefined });
        }}
        empty={props.empty}
        maxHeight="calc(100vh - 260px)"
        stripe
        hover
        size="small"
        pagination={{
          current: url.page,
          pageSize: size,
          total: props.rows.length,
          pageSizeOptions: sizes.map((s) => ({ label: `${s} 条/页`, value: s })),
          showJumper: true,
          onChange: (pi) =>
            url.set({
              page: pi.current === 1 ? undefined : pi.current,
              size: pi.pageSize === sizes[0] ? undefined : pi.pageSize,
            }),
        }}
      />
    </div>
  );
}

/** The column that opens a row in the drawer beside the table: a real button, so the keyboard reaches it. */
export const openColumn = <T extends TableRowData>(label: string, open: (row: T) => void): PrimaryTableCol<T> => ({
  colKey: 'op',
  title: '操作',
  width: 80,
  cell: ({ row }) => (
    <Button variant="text" theme="primary" onClick={() => open(row)}>
      {label}
    </Button>
  ),
});
