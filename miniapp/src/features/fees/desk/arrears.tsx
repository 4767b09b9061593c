import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, Tag } from '../../../ui';
import { ChoiceGroup } from '../../../components/choice-group';
import { PageShell } from '../../../components/page-shell';
import { ListFooter } from '../../../components/list-footer';
import { bff } from '../../../session';
import { usePaged } from '../../../hooks/use-paged';
import { useAction } from '../../../hooks/use-request';
import { addDays, DAY_MS, now, shortTime, today } from '../../../beijing';
import { yuan } from '../money';
import { ExportButtons } from './download';
import '../../../components/list.css';
import '../../../components/form.css';
import { inputLabel } from '../../../components/a11y';

const COOL_DOWN_DAYS = 7;
const recentlyReminded = (at: string | null) =>
  at !== null && now().getTime() - Date.parse(at) < COOL_DOWN_DAYS * DAY_MS;

/**
 * 欠费催缴: units with overdue bills, longest first; tick units and send a written reminder with a
 * deadline (one per unit per week; only owners who accepted reminders get a WeChat message). The
 * sent reminders are listed as the record. Nothing here can stop any service a resident uses.
 */
export function Arrears({ communityId }: { communityId: string }) {
  const [minMonths, setMinMonths] = useState('0');
  const [view, setView] = useState<'list' | 'sent'>('list');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [payBy, setPayBy] = useState(() => addDays(today(), 15));
  const list = usePaged((cursor) => bff.arrears(communityId, Number(minMonths), cursor), [communityId, minMonths]);
  const sent = usePaged((cursor) => bff.reminders(communityId, cursor), [communityId, view]);

  const toggle = (unitId: string) =>
    setChosen((s) => {
      const next = new Set(s);
      if (next.has(unitId)) next.delete(unitId);
      else next.add(unitId);
      return next;
    });

  const remind = useAction(async () => {
    const { confirm } = await Taro.showModal({
      title: `向 ${chosen.size} 户发送催缴提醒？`,
      content: `提醒写明欠费金额和缴费期限 ${payBy}，并说明缴费不影响任何服务。同一户一周内只提醒一次。`,
      confirmText: '发送提醒',
    });
    if (!confirm) return;
    const { results } = await bff.sendReminders(communityId, [...chosen], payBy);
    const count = (o: string) => results.filter((r) => r.outcome === o).length;
    const pushed = results.reduce((s, r) => s + (r.pushed ?? 0), 0);
    await Taro.showModal({
      title: '提醒已记录',
      content: `已提醒 ${count('SENT')} 户（微信消息 ${pushed} 条，未订阅提醒的业主不会收到消息）${count('COOLING_DOWN') ? `；${count('COOLING_DOWN')} 户一周内已提醒过` : ''}${count('NOT_IN_ARREARS') ? `；${count('NOT_IN_ARREARS')} 户已无欠费` : ''}。`,
      showCancel: false,
    });
    setChosen(new Set());
    await list.reload();
  });

  return (
    <View data-testid="arrears">
      <ChoiceGroup
        testId="arrears-view"
        options={[
          { value: 'list' as const, label: '欠费清单' },
          { value: 'sent' as const, label: '提醒记录' },
        ]}
        value={view}
        onChange={(v) => v && setView(v)}
      />
      {view === 'list' ? (
        <>
          <ChoiceGroup
            testId="arrears-months"
            options={[
              { value: '0', label: '全部欠费' },
              { value: '3', label: '欠3个月以上' },
              { value: '6', label: '欠6个月以上' },
            ]}
            value={minMonths}
            onChange={(v) => v && (setMinMonths(v), setChosen(new Set()))}
          />
          <PageShell request={list} emptyText="没有欠费的房屋">
            {list.items.map((r) => {
              const on = chosen.has(r.unitId);
              const cooling = recentlyReminded(r.lastRemindedAt);
              return (
                <View
                  key={r.unitId}
                  className={`card ${on ? 'card--checked' : ''}`}
                  onClick={() => !cooling && toggle(r.unitId)}
                  data-testid="arrears-row"
                >
                  <View className={`card__check ${on ? 'card__check--on' : ''}`}>{on ? '✓' : ''}</View>
                  <View className="card__main">
                    <View className="card__title">
                      <Text>
                        {r.building} {r.number}
                      </Text>
                      <Text className="card__amount">¥{yuan(r.amountFen)}</Text>
                    </View>
                    <Text className="card__sub">
                      {r.items} · {r.bills} 笔 · 自 {r.oldestPeriod} 起，逾期 {r.monthsOverdue} 个月
                    </Text>
                    {r.lastRemindedAt && (
                      <Text className="card__sub">
                        上次提醒 {shortTime(r.lastRemindedAt)} {cooling && <Tag type="warning">一周内已提醒</Tag>}
                      </Text>
                    )}
                  </View>
                </View>
              );
            })}
            <ListFooter list={list} />
          </PageShell>
          <View className="form" data-testid="remind-bar">
            <View className="form__row">
              <Text>缴费期限</Text>
              <Input
                value={payBy}
                onChange={setPayBy}
                placeholder="2026-12-15"
                {...inputLabel('缴费期限')}
                data-testid="remind-pay-by"
              />
            </View>
            <View className="actions actions--wrap">
              <Button
                type="primary"
                disabled={chosen.size === 0}
                loading={remind.running}
                onClick={() => void remind.run()}
              >
                {chosen.size ? `发送催缴提醒（${chosen.size}户）` : '勾选房屋后发送提醒'}
              </Button>
              <ExportButtons
                path={`/api/staff/communities/${communityId}/arrears/export?minMonths=${minMonths}`}
                name="欠费清单"
                wrap={false}
              />
            </View>
            <Text className="hint">
              催缴提醒是合法的催收方式，会留存为书面记录；欠费不影响门禁、电梯、停车、水电等任何服务。
            </Text>
          </View>
        </>
      ) : (
        <PageShell request={sent} emptyText="还没有发送过提醒">
          {sent.items.map((r) => (
            <View key={r.id} className="card" data-testid="reminder-row">
              <View className="card__main">
                <View className="card__title">
                  <Text>{r.unit}</Text>
                  <Text className="card__amount">¥{yuan(r.amountFen)}</Text>
                </View>
                <Text className="card__sub">
                  {r.items} · {r.bills} 笔 · 期限 {r.payBy}
                </Text>
                <Text className="card__sub">
                  {shortTime(r.sentAt)} 由 {r.sentBy} 发送 · 业主 {r.recipients} 人，微信消息 {r.pushes.SENT ?? 0}/
                  {r.pushed} 条已送达
                </Text>
              </View>
            </View>
          ))}
          <ListFooter list={sent} />
        </PageShell>
      )}
    </View>
  );
}
