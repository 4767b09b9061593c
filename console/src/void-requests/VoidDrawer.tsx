import { useState } from 'react';
import { Button, MessagePlugin } from 'tdesign-react';
import type { CounterReceipt } from '../../../bff/src/api-types';
import { api, beijingTime, yuan } from '../api';
import { ErrorState, LoadingState } from '../states';
import { useLoad } from '../lib/use-load';
import { confirm } from '../lib/confirm';
import { ReasonDialog } from '../lib/reason-dialog';
import { SideDrawer } from '../lib/side-drawer';
import { CHANNEL, PAYMENT_STATE } from '../cashier-kit/labels';

/**
 * One void request beside the queue: the receipt (`GET /api/staff/counter-payments/:id`) and the two
 * decisions, plainly different — 批准作废 (a filled red button, asked first: the bills go back to unpaid
 * and the money is reversed, which cannot be undone) and 驳回申请 (outlined, asks for the reason). The
 * asker and the taker of the payment see why they may not decide (the BFF refuses them too).
 */
export function VoidDrawer(p: { id?: string; me: string; onClose: () => void; onDecided: () => void }) {
  return (
    <SideDrawer open={Boolean(p.id)} header="作废申请" label="作废申请详情" onClose={p.onClose}>
      {p.id && <Detail key={p.id} {...p} id={p.id} />}
    </SideDrawer>
  );
}

function Detail({ id, me, onDecided }: { id: string; me: string; onDecided: () => void }) {
  const r = useLoad(() => api.get<CounterReceipt>(`/api/staff/counter-payments/${id}`), id);
  const [rejecting, setRejecting] = useState(false);
  if (r.error) return <ErrorState error={r.error} retry={() => void r.reload()} />;
  if (!r.data) return <LoadingState />;
  const p = r.data;
  const own = p.takenById === me ? '这笔收款由您经手' : p.voidRequestedById === me ? '作废由您申请' : '';
  const approve = async () => {
    const yes = await confirm(
      '批准作废',
      `收据 ${p.receiptNo}（${yuan(p.amountFen)}）将作废：所含账单恢复为未缴，款项冲回。批准后不能撤销。`,
      '批准作废',
      { danger: true },
    );
    if (!yes) return;
    await api.post(`/api/staff/counter-payments/${id}/void/approve`).then(
      () => {
        void MessagePlugin.success('已作废');
        onDecided();
      },
      (e: Error) => void MessagePlugin.error(e.message),
    );
  };
  return (
    <div className="wyt-mgr" data-testid="void-detail">
      <dl className="wyt-detail">
        <dt>收据号</dt>
        <dd>{p.receiptNo}</dd>
        <dt>状态</dt>
        <dd>{PAYMENT_STATE[p.state]}</dd>
        <dt>金额</dt>
        <dd>
          {yuan(p.amountFen)}（{CHANNEL[p.channel] ?? p.channel}）
        </dd>
        <dt>收款</dt>
        <dd>
          {p.takenByName} · {beijingTime(p.takenAt)}
        </dd>
        <dt>作废原因</dt>
        <dd>{p.voidReason ?? '—'}</dd>
      </dl>
      <h2>账单</h2>
      <ul className="wyt-timeline">
        {p.items.map((i) => (
          <li key={i.billId}>
            {i.unit} · {i.name} {i.period} · {yuan(i.amountFen)}
          </li>
        ))}
      </ul>
      {p.state === 'VOID_REQUESTED' && (
        <div className="wyt-actions">
          {own && (
            <p className="wyt-mgr__warn" role="note">
              {own}，须由其他管理人员审批。
            </p>
          )}
          <div className="wyt-actions__row">
            <Button theme="danger" disabled={Boolean(own)} onClick={() => void approve()}>
              批准作废
            </Button>
            <Button theme="default" variant="outline" disabled={Boolean(own)} onClick={() => setRejecting(true)}>
              驳回申请…
            </Button>
          </div>
        </div>
      )}
      {rejecting && (
        <ReasonDialog
          header={`驳回作废申请 ${p.receiptNo}`}
          reasonLabel="驳回原因（收银员会看到，收据继续有效）"
          minReason={4}
          confirmText="驳回"
          onSubmit={(reason) => api.post(`/api/staff/counter-payments/${id}/void/reject`, { reason })}
          onClose={(done) => {
            setRejecting(false);
            if (!done) return;
            void MessagePlugin.success('已驳回，收据继续有效');
            onDecided();
          }}
        />
      )}
    </div>
  );
}
