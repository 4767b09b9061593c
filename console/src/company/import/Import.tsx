import { useState } from 'react';
import { Alert, Button } from 'tdesign-react';
import type { ImportApplied, ImportView } from '../../../../bff/src/api-types';
import { api, beijingTime } from '../../api';
import { confirm } from '../../lib/confirm';
import type { Route } from '../../route';
import { ErrorState, LoadingState } from '../../states';
import { Report } from './Report';
import './import.css';

const written = (w: ImportApplied['written']) =>
  `房屋 ${w.units} 套、业主 ${w.owners} 人、车位 ${w.parking} 个、期初欠费 ${w.arrears} 笔`;

/**
 * 导入资料 (docs/console.md §Import; rules in docs/import.md): the template, a file uploaded for a dry
 * run, its report, and applying it — only without errors, after a confirmation. The BFF decides the
 * rest (same person, within 30 minutes, nothing changed since).
 */
export default function Import({ communityId, route }: { communityId: string; route: Route }) {
  const [busy, setBusy] = useState<'upload' | 'apply' | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [report, setReport] = useState<ImportView | null>(null);
  const [done, setDone] = useState<ImportApplied | null>(null);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy('upload');
    setError(null);
    setReport(null);
    setDone(null);
    try {
      const form = new FormData();
      form.append('file', file);
      setReport(await api.post<ImportView>(`/api/staff/imports?communityId=${communityId}`, form));
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(null);
    }
  };

  const apply = async () => {
    if (!report) return;
    const c = report.counts;
    const ok = await confirm(
      '导入到本小区？',
      `将新增房屋 ${c.units.added} 套、变更 ${c.units.changed} 套，新增业主 ${c.owners.added} 人、车位 ${c.parking.added} 个、期初欠费 ${c.arrears.added} 笔。导入后不能撤销。`,
      '导入',
    );
    if (!ok) return;
    setBusy('apply');
    setError(null);
    try {
      setDone(await api.post<ImportApplied>(`/api/staff/imports/${report.id}/apply`));
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="wyt-page wyt-import">
      <h1>导入资料</h1>
      <ol className="wyt-import__steps">
        <li>
          下载模板，按「说明」表填写房屋、业主、车位和期初欠费（不需要的表留空）。{' '}
          <Button
            variant="outline"
            onClick={() =>
              api.download(`/api/staff/communities/${communityId}/import-template`).catch((e) => setError(e as Error))
            }
          >
            下载模板
          </Button>
        </li>
        <li>
          <label htmlFor="import-file">上传填好的文件（.xlsx 或 .csv）预检，预检不会改动任何资料：</label>{' '}
          <input
            id="import-file"
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            disabled={busy !== null}
            onChange={(ev) => {
              void upload(ev.target.files?.[0]);
              ev.target.value = '';
            }}
          />
        </li>
        <li>预检没有错误后，30 分钟内由本人确认导入。</li>
      </ol>
      {busy === 'upload' && <LoadingState text="正在预检…" />}
      {error && <ErrorState error={error} />}
      {done && (
        <div role="status" data-testid="import-done">
          <Alert theme="success" message={`已导入（${beijingTime(done.appliedAt)}）：${written(done.written)}`} />
        </div>
      )}
      {report && !done && (
        <>
          <p className="wyt-import__file">
            {report.fileName} · 预检于 {beijingTime(report.createdAt)} · {beijingTime(report.applyBefore)} 前可导入
          </p>
          <Report report={report} route={route} />
          <div className="wyt-import__actions">
            {report.canApply ? (
              <Button
                data-testid="import-apply"
                theme="primary"
                disabled={busy !== null}
                loading={busy === 'apply'}
                onClick={apply}
              >
                确认导入
              </Button>
            ) : (
              <span data-testid="import-blocked">有错误，不能导入：改正文件后重新上传</span>
            )}
          </div>
        </>
      )}
    </div>
  );
}
