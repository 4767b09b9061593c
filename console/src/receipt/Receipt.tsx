import { useEffect, useState } from 'react';
import type { CounterReceipt } from '../../../bff/src/api-types';
import { api, beijingTime, yuan } from '../api';
import { amountInWords } from '../lib/amount-in-words';
import { go, type Route } from '../route';
import { ErrorState, LoadingState } from '../states';
import './receipt.css';

const CHANNEL = { CASH: '现金', TRANSFER: '转账', POS: '刷卡' } as const;
/** The two receipt papers (docs/console.md, Receipts): A5 sheets and 80 mm thermal rolls. */
const PAPERS = {
  a5: { label: 'A5 纸', page: '@page { size: A5 portrait; margin: 10mm; }' },
  '80mm': { label: '80mm 热敏纸', page: '@page { size: 80mm 200mm; margin: 3mm; }' },
} as const;
type Paper = keyof typeof PAPERS;

/** A counter receipt on screen and on paper: community, number, items, amount in figures and 大写, cashier, time. */
export default function Receipt({ id, route }: { id: string; route: Route }) {
  const [receipt, setReceipt] = useState<CounterReceipt>();
  const [error, setError] = useState<Error>();
  const paper: Paper = route.params.get('paper') === '80mm' ? '80mm' : 'a5';
  const print = route.params.get('print') === '1';

  useEffect(() => {
    api.get<CounterReceipt>(`/api/staff/counter-payments/${id}`).then(setReceipt, setError);
  }, [id]);
  useEffect(() => {
    if (!receipt || !print) return;
    go(`/receipt/${id}`, { paper: paper === 'a5' ? undefined : paper }); // printed once, not on every reload
    requestAnimationFrame(() => window.print());
  }, [receipt, print, id, paper]);

  if (error) return <ErrorState error={error} />;
  if (!receipt) return <LoadingState />;
  return (
    <div className={`wyt-receipt-page wyt-paper-${paper}`}>
      <style>{`@media print { ${PAPERS[paper].page} }`}</style>
      <div className="wyt-receipt__tools">
        <span>纸张：</span>
        {(Object.keys(PAPERS) as Paper[]).map((p) => (
          <button
            key={p}
            type="button"
            aria-pressed={p === paper}
            onClick={() => go(`/receipt/${id}`, { paper: p === 'a5' ? undefined : p })}
          >
            {PAPERS[p].label}
          </button>
        ))}
        <button type="button" onClick={() => window.print()}>
          打印
        </button>
        <button type="button" onClick={() => go('/counter')}>
          返回收银台
        </button>
      </div>
      <article className="wyt-receipt" data-testid="receipt" aria-label="收款收据">
        <h1>{receipt.communityName}</h1>
        <h2>物业费收款收据</h2>
        <p>
          收据编号 <strong data-testid="receipt-no">{receipt.receiptNo}</strong>
          {receipt.state !== 'RECORDED' && <em>（{receipt.state === 'VOIDED' ? '已作废' : '作废审批中'}）</em>}
        </p>
        <p>房屋 {receipt.items[0]?.unit}</p>
        {receipt.payerName && <p>缴款人 {receipt.payerName}</p>}
        <table>
          <thead>
            <tr>
              <th scope="col">项目</th>
              <th scope="col">账期</th>
              <th scope="col" className="num">
                金额
              </th>
            </tr>
          </thead>
          <tbody>
            {receipt.items.map((i) => (
              <tr key={i.billId}>
                <td>{i.name}</td>
                <td>{i.opening ? `期初 ${i.period}` : i.period}</td>
                <td className="num">{yuan(i.amountFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="wyt-receipt__sum">
          合计（小写） <strong>{yuan(receipt.amountFen)}</strong>
        </p>
        <p className="wyt-receipt__sum" data-testid="receipt-words">
          合计（大写） 人民币{amountInWords(receipt.amountFen)}
        </p>
        <p>收款方式 {CHANNEL[receipt.channel]}</p>
        <p>
          收款人 {receipt.takenByName} · {beijingTime(receipt.takenAt)}
        </p>
      </article>
    </div>
  );
}
