import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Table, type PrimaryTableCol, type SortInfo, type TableRowData } from 'tdesign-react';
import { go, type Route } from '../route';
import { ErrorState } from '../states';
import './url-table.css';

export const PAGE_SIZES = [20, 50, 100];

/**
 * A table's state in the URL (docs/console.md §Tables): filters, `sort` (`column:asc|desc`), `page`
 * and `size`, so a reload or a shared link shows the same rows. `set` changes some and keeps the rest.
 */
export function useUrlTable(route: Route, path: string) {
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

/** Rows in the order of the sort: numbers as numbers, text as Chinese readers sort it. */
export function sortRows<T>(rows: T[], sort: SortInfo | undefined): T[] {
  if (!sort) return rows;
  const k = sort.sortBy as keyof T;
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = a[k];
    const y = b[k];
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
  rows: T[];
  columns: PrimaryTableCol<T>[];
  url: UrlTable;
  /** The total of every page (the BFF's); without it the table is one page of `rows`. */
  total?: number;
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
 * The console's table (docs/console.md §Tables): sortable columns whose sort is in the URL, paging
 * with the total, a sticky header (the body scrolls under it), the row count, row selection, and the
 * empty and error states. TDesign leaves the scrolling body and the page jumper unnamed: named here
 * (axe: scrollable-region-focusable, label).
 */
export function DataTable<T extends TableRowData>(props: Props<T>) {
  const { url, total, rows, selected, onSelect } = props;
  const box = useNamedTable(props.label);
  const sorted = useMemo(() => sortRows(rows, url.sort), [rows, url.sort]);
  const columns: PrimaryTableCol<T>[] = onSelect
    ? [{ colKey: 'row-select', type: 'multiple', width: 46 }, ...props.columns]
    : props.columns;
  const count = total ?? rows.length;
  return (
    <div className="wyt-table" ref={box}>
      <div className="wyt-table__bar" role="group" aria-label="筛选与操作">
        <span className="wyt-table__count" data-testid={props.countId ?? 'row-count'} aria-live="polite">
          {props.loading && !rows.length ? '' : `共 ${count} ${props.unit ?? '条'}`}
          {total !== undefined && total > rows.length ? `，本页 ${rows.length} ${props.unit ?? '条'}` : ''}
          {selected?.length ? `，已选 ${selected.length} ${props.unit ?? '条'}` : ''}
        </span>
        {props.children}
      </div>
      {props.error ? (
        <ErrorState error={props.error} retry={props.retry} />
      ) : (
        <Table<T>
          rowKey={props.rowKey}
          data={sorted}
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
          maxHeight="calc(100vh - 260px)"
          empty={props.empty}
          stripe
          hover
          size="small"
          pagination={
            total === undefined
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
