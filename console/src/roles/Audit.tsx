import { useCallback, useState } from 'react';
import { Select, type PrimaryTableCol } from 'tdesign-react';
import { api, beijingTime } from '../api';
import type { ScreenProps } from '../shell/screens';
import { DataTable, useUrlTable } from '../lib/url-table';
import { useKeysetPage } from '../lib/keyset-pages';
import { useLoad } from '../lib/use-load';
import { ExportButtons } from '../cashier-reports/ExportButtons';
import { EmptyState, ErrorState } from '../states';
import { usePlaces } from './places';
import type { AuditPage, AuditRow, People } from './types';
import { AUDIT_KIND_NAMES } from '../../../bff/src/roles/audit-kind-names';
import './roles.css';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const detail = (r: AuditRow) =>
  [r.before ? `前：${JSON.stringify(r.before)}` : '', r.after ? `后：${JSON.stringify(r.after)}` : '']
    .filter(Boolean)
    .join('；');

const COLUMNS: PrimaryTableCol<AuditRow>[] = [
  { colKey: 'at', title: '时间', width: 170, cell: ({ row }) => beijingTime(row.at) },
  { colKey: 'kindName', title: '类型', width: 130 },
  { colKey: 'actorName', title: '操作人', width: 110 },
  { colKey: 'communityName', title: '小区', width: 140, cell: ({ row }) => row.communityName ?? '全公司' },
  { colKey: 'subjectName', title: '对象', width: 110, cell: ({ row }) => row.subjectName ?? '—' },
  { colKey: 'summary', title: '内容', width: 110 },
  { colKey: 'reason', title: '原因', ellipsis: true },
  { colKey: 'detail', title: '变更', ellipsis: true, cell: ({ row }) => detail(row) },
];

/**
 * 审计日志 (docs/roles.md, Audit log): the company's record of role, invitation, roster, area and
 * import changes, money operations, vote steps and personal-information reveals, newest first;
 * filtered by person, kind and Beijing date range (all in the URL), paged by keyset with the total,
 * exported as Excel or CSV with the same filters.
 */
export default function Audit({ communityId, route }: ScreenProps) {
  const url = useUrlTable(route, '/audit');
  const places = usePlaces(null, communityId);
  const companies = places.items.filter((p) => p.communityId === null);
  const company = companies.find((c) => c.companyId === url.get('company')) ?? companies[0];
  const companyId = company?.companyId ?? '';
  const [exportError, setExportError] = useState('');
  const filters: Record<string, string> = { companyId };
  for (const k of ['kind', 'personId'] as const) if (url.get(k)) filters[k] = url.get(k);
  for (const k of ['from', 'to'] as const) if (DAY.test(url.get(k))) filters[k] = url.get(k);
  const key = new URLSearchParams(filters).toString();
  const fetchPage = useCallback(
    (cursor: string | undefined, limit: number) =>
      companyId
        ? api.get<AuditPage>(
            `/api/company/audit?${key}&${new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) })}`,
          )
        : Promise.resolve({ items: [], nextCursor: null, total: 0 }),
    [key, companyId],
  );
  const list = useKeysetPage(`${key}|${url.size}`, url.page, url.size, fetchPage);
  const people = useLoad(
    () => (companyId ? api.get<People>(`/api/company/people?companyId=${companyId}`) : Promise.resolve(undefined)),
    companyId,
  );
  const persons = [...new Map((people.data?.items ?? []).map((p) => [p.userId, p.name])).entries()];
  if (places.error) return <ErrorState error={places.error} retry={places.reload} />;
  if (!places.loading && !company) return <EmptyState text="只有公司管理员可以查看审计日志" />;
  const date = (k: 'from' | 'to', label: string) => (
    <label className="wyt-roles__date">
      <span>{label}</span>
      <input type="date" value={url.get(k)} onChange={(e) => url.set({ [k]: e.target.value, page: undefined })} />
    </label>
  );
  return (
    <div className="wyt-page wyt-roles">
      <h1>审计日志</h1>
      {exportError && (
        <p role="alert" className="wyt-roles__error">
          {exportError}
        </p>
      )}
      <DataTable<AuditRow>
        label="审计日志"
        rowKey="id"
        {...list.table}
        columns={COLUMNS}
        url={url}
        empty="没有符合条件的记录"
      >
        {companies.length > 1 && (
          <Select
            aria-label="公司"
            value={companyId}
            onChange={(v) => url.set({ company: String(v), page: undefined })}
            options={companies.map((c) => ({ label: c.companyName, value: c.companyId }))}
            style={{ width: 180 }}
          />
        )}
        <Select
          aria-label="人员"
          value={url.get('personId')}
          filterable
          onChange={(v) => url.set({ personId: String(v ?? ''), page: undefined })}
          options={[{ label: '全部人员', value: '' }, ...persons.map(([value, label]) => ({ label, value }))]}
          style={{ width: 160 }}
        />
        <Select
          aria-label="类型"
          value={url.get('kind')}
          onChange={(v) => url.set({ kind: String(v ?? ''), page: undefined })}
          options={[
            { label: '全部类型', value: '' },
            ...Object.entries(AUDIT_KIND_NAMES).map(([value, label]) => ({ label, value })),
          ]}
          style={{ width: 160 }}
        />
        {date('from', '从')}
        {date('to', '到')}
        <ExportButtons path="/api/company/audit/export" query={filters} onError={(e) => setExportError(e.message)} />
      </DataTable>
    </div>
  );
}
