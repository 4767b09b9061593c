import { Table, type PrimaryTableCol } from 'tdesign-react';
import type { ImportView } from '../../../../bff/src/api-types';
import { yuan } from '../../api';
import { LocalTable } from '../../lib/url-table';
import type { Route } from '../../route';

type RowError = ImportView['errors'][number];
type Change = ImportView['changes'][number];
type Absent = ImportView['absent'][number];
type Transfer = NonNullable<ImportView['transfers']>[number];

const ERROR_COLUMNS: PrimaryTableCol<RowError>[] = [
  { colKey: 'sheet', title: '工作表', width: 100, sorter: true },
  { colKey: 'row', title: '行', width: 70, align: 'right', sorter: true },
  { colKey: 'column', title: '列', width: 110 },
  { colKey: 'message', title: '问题' },
];
const CHANGE_COLUMNS: PrimaryTableCol<Change>[] = [
  { colKey: 'unit', title: '房屋', width: 140, cell: ({ row }) => `${row.building} ${row.number}` },
  { colKey: 'field', title: '项目', width: 110 },
  { colKey: 'before', title: '原值', cell: ({ row }) => row.before || '（空）' },
  { colKey: 'after', title: '新值', cell: ({ row }) => row.after || '（空）' },
];
const ABSENT_COLUMNS: PrimaryTableCol<Absent>[] = [
  { colKey: 'building', title: '楼栋', width: 160 },
  { colKey: 'number', title: '房号' },
];

const TRANSFER_COLUMNS: PrimaryTableCol<Transfer>[] = [
  { colKey: 'unit', title: '房屋', width: 140, cell: ({ row }) => `${row.building} ${row.number}` },
  { colKey: 'onDate', title: '过户日期', width: 120 },
  { colKey: 'before', title: '原业主' },
  { colKey: 'after', title: '新业主' },
];

const KINDS = [
  ['units', '房屋'],
  ['owners', '业主'],
  ['parking', '车位'],
  ['arrears', '期初欠费'],
] as const;

/** The counts: added, changed and unchanged of each sheet, units absent from the file, arrears in yuan. */
function Counts({ report }: { report: ImportView }) {
  const c = report.counts;
  return (
    <table className="wyt-import__counts" data-testid="import-counts">
      <caption>预检结果：{report.errorCount === 0 ? '没有错误' : `${report.errorCount} 处错误`}</caption>
      <thead>
        <tr>
          <th scope="col">资料</th>
          <th scope="col">新增</th>
          <th scope="col">变更</th>
          <th scope="col">不变</th>
        </tr>
      </thead>
      <tbody>
        {KINDS.map(([key, label]) => (
          <tr key={key}>
            <th scope="row">{label}</th>
            <td>{c[key].added}</td>
            <td>{c[key].changed}</td>
            <td>{c[key].unchanged}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={4}>
            系统中有、文件中没有的房屋：{c.absentUnits} 套（不会删除）
            {c.arrearsFen > 0 && `；新增期初欠费共 ${yuan(c.arrearsFen)}`}
            {(c.transfers ?? 0) > 0 && `；过户 ${c.transfers} 套`}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/** A small list: paged here, not in the URL (the errors' table owns the URL's sort and page). */
function Section<T extends Change | Absent | Transfer>(p: {
  title: string;
  rows: T[];
  total: number;
  columns: PrimaryTableCol<T>[];
}) {
  if (p.total === 0) return null;
  return (
    <section aria-label={p.title}>
      <h2>
        {p.title}（{p.total}
        {p.total > p.rows.length ? `，只列出前 ${p.rows.length} 条` : ''}）
      </h2>
      <Table<T>
        rowKey="key"
        data={p.rows.map((r, i) => ({ ...r, key: i }))}
        columns={p.columns}
        size="small"
        stripe
        pagination={{ defaultPageSize: 10, total: p.rows.length }}
      />
    </section>
  );
}

/**
 * The dry run's report (docs/import.md, Rules): counts, then every error by sheet, row and column in
 * Chinese, units that would change (before → after), sales the owners sheet records (原业主 → 新业主, with the
 * date; docs/import.md, Owners and transfers), and units of the community absent from the file.
 */
export function Report({ report, route }: { report: ImportView; route: Route }) {
  const changed = KINDS.reduce((n, [k]) => n + report.counts[k].changed, 0);
  return (
    <div className="wyt-import__report">
      <Counts report={report} />
      {report.errorCount > 0 && (
        <section aria-label="错误">
          <h2>
            错误（{report.errorCount}
            {report.errorCount > report.errors.length ? `，只列出前 ${report.errors.length} 条` : ''}）
          </h2>
          <p>改正文件中的这些行后重新上传；有错误时不能导入。</p>
          <LocalTable<RowError>
            route={route}
            rowKey="key"
            rows={report.errors.map((e, i) => ({ ...e, key: i }))}
            columns={ERROR_COLUMNS}
            label="预检错误"
            empty="没有错误"
          />
        </section>
      )}
      <Section
        title="将变更的房屋"
        rows={report.changes}
        total={changed > 0 ? report.changes.length : 0}
        columns={CHANGE_COLUMNS}
      />
      <Section
        title="将登记的过户"
        rows={report.transfers ?? []}
        total={report.transfers?.length ?? 0}
        columns={TRANSFER_COLUMNS}
      />
      <Section
        title="文件中没有的房屋"
        rows={report.absent}
        total={report.counts.absentUnits}
        columns={ABSENT_COLUMNS}
      />
    </div>
  );
}
