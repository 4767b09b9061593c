import { useEffect, useRef } from 'react';
import { Table, type PrimaryTableCol, type TableRowData } from 'tdesign-react';
import { EmptyState, ErrorState } from '../states';
import { sortRows, type useUrlState } from './url';
import './manager.css';

type Props<T extends TableRowData> = {
  /** The table's name, for the scrolling region and its count. */
  label: string;
  rowKey: string;
  columns: PrimaryTableCol<T>[];
  rows: T[] | undefined;
  /** The BFF's total over every keyset page; absent: `rows` is the whole list, paged here. */
  total?: number;
  loading: boolean;
  error?: Error;
  retry?: () => void;
  empty: string;
  url: ReturnType<typeof useUrlState>;
  /** The row open in the drawer beside the table, highlighted. */
  activeKey?: string;
  unit?: string;
};

/**
 * The manager screens' table (#26, docs/console.md §Tables): sortable columns (the sort in the URL),
 * paging with the total (page and size in the URL; the BFF's keyset pages, or a whole list paged here), the header kept in view, a row count, and
 * the loading, empty and error states.
 */
export function DataTable<T extends TableRowData>(props: Props<T>) {
  const { label, url, rows, unit = '条' } = props;
  const box = useRef<HTMLDivElement>(null);
  // What TDesign leaves unnamed (axe: label, scrollable-region-focusable), as on the arrears table.
  useEffect(() => {
    const el = box.current;
    el?.querySelector('.t-pagination__jump input')?.setAttribute('aria-label', '跳转到页码');
    el?.querySelectorAll('.t-pagination .t-select input').forEach((i) => i.setAttribute('aria-label', '每页条数'));
    const body = el?.querySelector('.t-table__content');
    body?.setAttribute('tabindex', '0');
    body?.setAttribute('role', 'region');
    body?.setAttribute('aria-label', label);
  });
  if (props.error) return <ErrorState error={props.error} retry={props.retry} />;
  const whole = props.total === undefined;
  const sorted = sortRows(rows ?? [], url.sort);
  const shown = whole ? sorted.slice((url.page - 1) * url.size, url.page * url.size) : sorted;
  const total = props.total ?? sorted.length;
  return (
    <div ref={box} className="wyt-table">
      <p className="wyt-table__count" data-testid="row-count" aria-live="polite">
        {rows ? `共 ${total} ${unit}，本页 ${shown.length} ${unit}` : ''}
      </p>
      <Table<T>
        rowKey={props.rowKey}
        data={shown}
        columns={props.columns}
        loading={props.loading}
        sort={url.sort}
        onSortChange={(s) => {
          const one = Array.isArray(s) ? s[0] : s;
          url.set({ sort: one ? `${one.sortBy}:${one.descending ? 'desc' : 'asc'}` : undefined });
        }}
        rowClassName={({ row }) =>
          props.activeKey && row[props.rowKey] === props.activeKey ? 'wyt-table__active' : ''
        }
        maxHeight="calc(100vh - 260px)"
        empty={<EmptyState text={props.empty} />}
        stripe
        hover
        size="small"
        pagination={{
          current: url.page,
          pageSize: url.size,
          total,
          pageSizeOptions: [20, 50, 100].map((s) => ({ label: `${s} 条/页`, value: s })),
          showJumper: true,
          onChange: (pi) =>
            url.set({
              page: pi.current === 1 ? undefined : pi.current,
              size: pi.pageSize === 20 ? undefined : pi.pageSize,
            }),
        }}
      />
    </div>
  );
}
