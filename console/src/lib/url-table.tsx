import { useEffect, useMemo, useRef } from 'react';
import { Table, type PrimaryTableCol, type SortInfo, type TableRowData } from 'tdesign-react';
import { go, type Route } from '../route';

type Props<T extends TableRowData> = {
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

const compare = (a: unknown, b: unknown) =>
  typeof a === 'number' && typeof b === 'number'
    ? a - b
    : a == null
      ? b == null
        ? 0
        : -1
      : b == null
        ? 1
        : String(a).localeCompare(String(b), 'zh-CN', { numeric: true });

/**
 * A table of rows already loaded, whose sort (`sort=col:asc`), page and page size live in the URL
 * (docs/console.md §Tables), with the total under it. Nulls sort first ascending.
 */
export function UrlTable<T extends TableRowData>({
  route,
  rowKey,
  rows,
  columns,
  label,
  empty,
  loading,
  pageSizes,
}: Props<T>) {
  const p = route.params;
  const sizes = pageSizes ?? [10, 20, 50];
  const size = Number(p.get('size') ?? sizes[0]);
  const page = Number(p.get('page') ?? 1);
  const sortParam = p.get('sort') ?? '';
  const sort = useMemo<SortInfo | undefined>(() => {
    const [sortBy, dir] = sortParam.split(':');
    return sortBy ? { sortBy, descending: dir === 'desc' } : undefined;
  }, [sortParam]);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const sign = sort.descending ? -1 : 1;
    return [...rows].sort((a, b) => sign * compare(a[sort.sortBy], b[sort.sortBy]));
  }, [rows, sort]);
  const set = (changes: Record<string, string | number | undefined>) =>
    go(route.path, { ...Object.fromEntries(p), ...changes });

  const box = useRef<HTMLDivElement>(null);
  // What TDesign leaves unnamed (axe: label, scrollable-region-focusable), as in the arrears table.
  useEffect(() => {
    box.current?.querySelector('.t-pagination__jump input')?.setAttribute('aria-label', '跳转到页码');
    const body = box.current?.querySelector('.t-table__content');
    body?.setAttribute('tabindex', '0');
    body?.setAttribute('role', 'region');
    body?.setAttribute('aria-label', label);
  });

  return (
    <div ref={box}>
      <Table<T>
        rowKey={rowKey}
        data={sorted}
        columns={columns}
        loading={loading}
        sort={sort}
        onSortChange={(s) => {
          const one = Array.isArray(s) ? s[0] : s;
          set({ sort: one ? `${one.sortBy}:${one.descending ? 'desc' : 'asc'}` : undefined, page: undefined });
        }}
        empty={empty}
        maxHeight="calc(100vh - 260px)"
        stripe
        hover
        size="small"
        pagination={{
          current: page,
          pageSize: size,
          total: rows.length,
          pageSizeOptions: sizes.map((s) => ({ label: `${s} 条/页`, value: s })),
          showJumper: true,
          onChange: (pi) =>
            set({
              page: pi.current === 1 ? undefined : pi.current,
              size: pi.pageSize === sizes[0] ? undefined : pi.pageSize,
            }),
        }}
      />
    </div>
  );
}
