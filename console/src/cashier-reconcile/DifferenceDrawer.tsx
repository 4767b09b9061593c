import { useState } from 'react';
import { Button, Drawer } from 'tdesign-react';
import { api, beijingTime, yuan } from '../api';
import { RECONCILE_KIND } from '../cashier-kit/labels';
import { ReasonDialog } from '../lib/reason-dialog';
import type { Difference } from './Reconcile';

/** One difference beside the list: what WeChat's bill and our records say, and its resolution. */
export function DifferenceDrawer(p: { difference: Difference; onClose: () => void; onResolved: () => void }) {
  const d = p.difference;
  const [resolving, setResolving] = useState(false);
  const money = (v: number | null) => (v === null ? '—' : yuan(v));
  return (
    <Drawer visible header="差异详情" size="420px" footer={false} onClose={p.onClose} showOverlay={false}>
      <dl className="wyt-cashier__dl" data-testid="difference-detail">
        <dt>类型</dt>
        <dd>{RECONCILE_KIND[d.kind] ?? d.kind}</dd>
        <dt>日期</dt>
        <dd>{d.day}</dd>
        <dt>商户订单号</dt>
        <dd>{d.outTradeNo}</dd>
        {d.outRefundNo && (
          <>
            <dt>退款单号</dt>
            <dd>{d.outRefundNo}</dd>
          </>
        )}
        <dt>微信账单金额</dt>
        <dd>{money(d.wechatFen)}</dd>
        <dt>我方金额</dt>
        <dd>{money(d.ourFen)}</dd>
        <dt>说明</dt>
        <dd>{d.detail}</dd>
        <dt>处理</dt>
        <dd>{d.resolvedAt ? `${beijingTime(d.resolvedAt)} 已处理：${d.note ?? ''}` : '待处理'}</dd>
      </dl>
      {!d.resolvedAt && (
        <Button theme="primary" onClick={() => setResolving(true)}>
          标记为已处理
        </Button>
      )}
      {resolving && (
        <ReasonDialog
          header="处理差异"
          warning="标记为已处理后不能撤回，处理说明将留作记录"
          reasonLabel="处理说明"
          minReason={2}
          confirmText="标记已处理"
          onSubmit={(note) => api.post(`/api/staff/reconciliation/differences/${d.id}/resolve`, { note })}
          onClose={(done) => {
            setResolving(false);
            if (done) p.onResolved();
          }}
        />
      )}
    </Drawer>
  );
}
