import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup, Input, Tag } from '../../../ui';
import { bff } from '../../../session';
import { ApiError } from '../../../api/client';
import { useAction } from '../../../hooks/use-request';
import type { ReconcileRunView } from '../../../api/types';
import { addDays, today } from '../../../beijing';
import { yuan, yuanExact } from '../money';
import '../../../components/list.css';
import '../../../components/form.css';
import { inputLabel } from '../../../components/a11y';

const KIND: Record<ReconcileRunView['differences'][number]['kind'], string> = {
  ONLY_WECHAT: '仅微信有',
  ONLY_OURS: '仅我方有',
  AMOUNT_MISMATCH: '金额不符',
  STATUS_MISMATCH: '状态不符',
  STATUS_NOTE: '状态提示',
};

/** 对账: a day against WeChat Pay's trade bill (run each morning by the system, or here on demand), its sums and the differences to resolve. */
export function Reconciliation() {
  const [day, setDay] = useState(() => addDays(today(), -1));
  const [run, setRun] = useState<ReconcileRunView>();
  const [notes, setNotes] = useState<Record<string, string>>({});

  const show = async () => {
    try {
      setRun(await bff.reconcileRun(day));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'NOT_FOUND') setRun(undefined);
      else throw err;
    }
  };
  // A run that fails (bill not ready, broken file) has said why in a toast; the last good result is shown with the error.
  const load = useAction(async (fresh: boolean) => {
    if (fresh)
      await bff
        .reconcile(day)
        .catch((err: unknown) => void (err instanceof ApiError && err.status < 500 ? undefined : Promise.reject(err)));
    await show();
  });
  const resolve = useAction(async (id: string) => {
    await bff.resolveDifference(id, notes[id] ?? '');
    await Taro.showToast({ title: '已处理', icon: 'success' });
    await show();
  });

  return (
    <View data-testid="reconciliation">
      <View className="form">
        <View className="form__row">
          <Text>对账日期（微信账单次日 10 点后可下载）</Text>
          <Input
            value={day}
            onChange={setDay}
            placeholder="2026-11-28"
            {...inputLabel('对账日期')}
            data-testid="reconcile-day"
          />
        </View>
        <View className="actions">
          <Button loading={load.running} onClick={() => void load.run(false)}>
            查看结果
          </Button>
          <Button type="primary" loading={load.running} onClick={() => void load.run(true)}>
            立即对账
          </Button>
        </View>
      </View>
      {run && (
        <>
          {run.lastError && (
            <Text className="hint error">上次对账失败：{run.lastError}（以下为最近一次成功的结果）</Text>
          )}
          <CellGroup title={`${run.day} 对账结果`} data-testid="reconcile-summary">
            <Cell title="支付相符" extra={`${run.matchedCount} 笔 · ¥${yuan(run.matchedFen)}`} />
            <Cell title="退款相符" extra={`${run.refundMatchedCount} 笔 · ¥${yuan(run.refundMatchedFen)}`} />
            <Cell title="微信手续费" extra={`¥${yuanExact(run.wechatFeeMilliFen)}`} />
            <Cell title="差异" extra={`${run.differenceCount} 条`} />
          </CellGroup>
          {run.differences.map((d) => (
            <View key={d.id} className="card" data-testid="reconcile-difference">
              <View className="card__main">
                <View className="card__title">
                  <Tag type={d.kind === 'STATUS_NOTE' ? 'info' : d.resolvedAt ? 'success' : 'danger'}>
                    {KIND[d.kind]}
                  </Tag>
                  <Text>{d.kind === 'STATUS_NOTE' ? '仅供参考，不是差异' : d.resolvedAt ? '已处理' : '待处理'}</Text>
                </View>
                <Text className="card__sub">{d.outRefundNo ? `退款单 ${d.outRefundNo}` : `订单 ${d.outTradeNo}`}</Text>
                <Text className="card__sub">{d.detail}</Text>
                {d.note && <Text className="card__sub">处理说明：{d.note}</Text>}
                {!d.resolvedAt && d.kind !== 'STATUS_NOTE' && (
                  <>
                    <Input
                      value={notes[d.id] ?? ''}
                      {...inputLabel('处理说明')}
                      placeholder="处理说明（至少 2 个字）"
                      onChange={(v) => setNotes((n) => ({ ...n, [d.id]: v }))}
                    />
                    <Button
                      size="small"
                      disabled={(notes[d.id] ?? '').trim().length < 2 || resolve.running}
                      onClick={() => void resolve.run(d.id)}
                    >
                      标记已处理
                    </Button>
                  </>
                )}
              </View>
            </View>
          ))}
        </>
      )}
    </View>
  );
}
