import { useEffect, useState } from 'react';
import { Button, Checkbox, Input, Table, type PrimaryTableCol } from 'tdesign-react';
import type { BillingPreview, BillingRunResult, FeeItemList } from '../../../bff/src/api-types';
import { api, yuan } from '../api';
import { confirm } from '../lib/confirm';

type Line = BillingPreview['items'][number];
const COLUMNS: PrimaryTableCol<Line>[] = [
  { colKey: 'name', title: '收费项目' },
  { colKey: 'fresh.bills', title: '将生成（笔）', width: 120, align: 'right', cell: ({ row }) => row.fresh.bills },
  {
    colKey: 'fresh.totalFen',
    title: '将生成金额',
    width: 140,
    align: 'right',
    cell: ({ row }) => yuan(row.fresh.totalFen),
  },
  { colKey: 'all.bills', title: '本期共（笔）', width: 120, align: 'right', cell: ({ row }) => row.all.bills },
  {
    colKey: 'all.totalFen',
    title: '本期共金额',
    width: 140,
    align: 'right',
    cell: ({ row }) => yuan(row.all.totalFen),
  },
];

/** The period and the one-off items to bill, previewed; generated only after a confirmation naming the count and sum. */
export function PreviewRun(p: {
  communityId: string;
  period: string;
  onPeriod: (p: string) => void;
  onGenerated: () => void;
}) {
  const [period, setPeriod] = useState(p.period);
  const [items, setItems] = useState<FeeItemList['items']>([]);
  const [extra, setExtra] = useState<string[]>([]);
  const [preview, setPreview] = useState<BillingPreview>();
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const base = `/api/staff/communities/${p.communityId}`;
  useEffect(() => {
    api.get<FeeItemList>(`${base}/fee-items`).then(
      (r) => setItems(r.items.filter((i) => i.active)),
      (e: Error) => setError(e.message),
    );
  }, [base]);
  const oneOff = items.filter((i) => i.kind === 'ONE_OFF' || i.kind === 'SHARED');
  const body = () => ({ period: period.trim(), ...(extra.length ? { feeItemIds: extra } : {}) });

  async function show() {
    setError('');
    setMessage('');
    try {
      setPreview(await api.post<BillingPreview>(`${base}/billing/preview`, body()));
      p.onPeriod(period.trim());
    } catch (e) {
      setPreview(undefined);
      setError((e as Error).message);
    }
  }
  async function generate() {
    if (!preview) return;
    const sure = await confirm(
      `生成 ${preview.period} 的账单？`,
      `将生成 ${preview.toCreate.bills} 笔账单，共 ${yuan(preview.toCreate.totalFen)}，住户将收到账单。已生成的不会重复生成。`,
      '生成账单',
    );
    if (!sure) return;
    try {
      const r = await api.post<BillingRunResult>(`${base}/billing/runs`, body());
      setMessage(
        `已生成 ${r.created.bills} 笔账单，共 ${yuan(r.created.totalFen)}${r.conflicts ? `；${r.conflicts} 户有冲突未生成` : ''}`,
      );
      setPreview(undefined);
      p.onGenerated();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <section aria-label="预览与生成">
      <form
        className="wyt-cashier__row"
        aria-label="账单预览"
        onSubmit={(e) => {
          e.preventDefault();
          void show();
        }}
      >
        <label className="wyt-cashier__inline">
          账期（如 2026-12、2026-Q4、2026）
          <Input
            placeholder="账期，如 2026-12"
            value={period}
            onChange={(v) => setPeriod(String(v))}
            style={{ width: 180 }}
          />
        </label>
        {oneOff.length > 0 && (
          <Checkbox.Group
            value={extra}
            onChange={(v) => setExtra(v as string[])}
            options={oneOff.map((i) => ({ label: i.name, value: i.id }))}
          />
        )}
        <Button type="submit">预览</Button>
        {preview && preview.toCreate.bills > 0 && (
          <Button theme="primary" onClick={() => void generate()}>
            生成账单
          </Button>
        )}
      </form>
      {error && (
        <p role="alert" className="wyt-cashier__error">
          {error}
        </p>
      )}
      {message && <p role="status">{message}</p>}
      {preview && (
        <div data-testid="billing-preview">
          <p>
            {preview.period}：将生成 <strong>{preview.toCreate.bills}</strong> 笔，共{' '}
            <strong>{yuan(preview.toCreate.totalFen)}</strong>
            （业主 {preview.byPayer.OWNER.bills} 笔 {yuan(preview.byPayer.OWNER.totalFen)}，开发商{' '}
            {preview.byPayer.DEVELOPER.bills} 笔 {yuan(preview.byPayer.DEVELOPER.totalFen)}）；已生成{' '}
            {preview.alreadyBilled} 笔{preview.conflicts ? `；${preview.conflicts} 户与已有账单冲突，不会生成` : ''}
          </p>
          <Table<Line>
            rowKey="feeItemId"
            data={preview.items}
            columns={COLUMNS}
            size="small"
            empty="这个账期没有要收的项目"
          />
        </div>
      )}
    </section>
  );
}
