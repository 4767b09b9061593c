import { z } from 'zod';
import type { Deps } from '../deps.js';
import { exportTable, ZExportFormat, type ExportColumn, type ExportFile } from './export.js';
import {
  CHANNELS,
  collectionReport,
  takingsReport,
  ZCollectionQuery,
  ZTakingsQuery,
  type Channel,
  type Payer,
  type Rate,
} from './reports.js';

export const ZTakingsExport = ZTakingsQuery.and(z.object({ format: ZExportFormat }));
export const ZCollectionExport = ZCollectionQuery.extend({ format: ZExportFormat });

const CHANNEL_LABELS: Record<Channel, string> = { WECHAT: '微信支付', CASH: '现金', TRANSFER: '转账', POS: '刷卡' };
const PAYERS: Payer[] = ['OWNER', 'DEVELOPER'];
const PAYER_LABELS: Record<Payer, string> = { OWNER: '业主', DEVELOPER: '开发商' };
const money = (header: string): ExportColumn => ({ header, money: true });

/**
 * Takings as Excel or CSV: one row per day, then one per fee item, then the total. Each row holds its
 * channels and then whose bills the money was for — 业主 / 开发商 — and the 合计 that both add up to
 * (takingsReport sums every split from the same ledger entries; docs/domain.md §4).
 */
export async function exportTakings(
  deps: Deps,
  userId: string,
  communityId: string,
  q: z.infer<typeof ZTakingsExport>,
): Promise<ExportFile> {
  const report = await takingsReport(deps, userId, communityId, q);
  type Sums = { byChannel: Record<Channel, number>; byPayer: Record<Payer, number>; totalFen: number };
  const line = (label: string, s: Sums) => [
    label,
    ...CHANNELS.map((k) => s.byChannel[k]),
    ...PAYERS.map((p) => s.byPayer[p]),
    s.totalFen,
  ];
  return exportTable(
    q.format,
    { file: `收款日报-${q.from}至${q.to}`, sheet: '收款日报' },
    [
      { header: '日期 / 项目', width: 24 },
      ...CHANNELS.map((c) => money(`${CHANNEL_LABELS[c]}（元）`)),
      ...PAYERS.map((p) => money(`${PAYER_LABELS[p]}（元）`)),
      money('合计（元）'),
    ],
    [
      ...report.days.map((d) => line(d.day, d)),
      ...report.items.map((i) => line(`项目：${i.item}`, i)),
      line('合计', report.totals),
    ],
  );
}

const SPLIT = [...PAYERS.map((p) => PAYER_LABELS[p]), '合计'];
const rateText = (p: number | null) => (p === null ? '—' : (p / 10).toFixed(1));

/**
 * 收缴率 as Excel or CSV, per building then the community: billed, collected and outstanding in yuan
 * and the rate, each as 业主 / 开发商 / 合计 (the report's byPayer and its total, which add up), and the
 * counts of bills.
 */
export async function exportCollection(
  deps: Deps,
  userId: string,
  communityId: string,
  q: z.infer<typeof ZCollectionExport>,
): Promise<ExportFile> {
  const report = await collectionReport(deps, userId, communityId, q);
  const split = <T>(r: Rate, pick: (c: Rate['byPayer'][Payer]) => T) => [
    ...PAYERS.map((p) => pick(r.byPayer[p])),
    pick(r),
  ];
  const line = (r: Rate) => [
    r.name,
    ...split(r, (c) => c.billedFen),
    ...split(r, (c) => c.collectedFen),
    ...split(r, (c) => c.outstandingFen),
    r.bills,
    r.settledBills,
    ...split(r, (c) => rateText(c.ratePermille)),
  ];
  return exportTable(
    q.format,
    { file: `收缴率-${q.period}`, sheet: '收缴率' },
    [
      { header: '楼栋', width: 16 },
      ...['应收', '实收', '未收'].flatMap((what) => SPLIT.map((who) => money(`${what}·${who}（元）`))),
      { header: '账单数' },
      { header: '已缴账单数' },
      ...SPLIT.map((who) => ({ header: `收缴率·${who}（%）` })),
    ],
    [...report.buildings.map(line), line(report.total)],
  );
}
