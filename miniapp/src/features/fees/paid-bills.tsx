import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { ListFooter } from '../../components/list-footer';
import { bff } from '../../session';
import { usePaged } from '../../hooks/use-paged';
import { BillRow } from './bill-row';
import '../../components/list.css';

/** Settled bills, newest first, paged; a paid one opens its receipt. */
export function PaidBills({ unitId, refreshKey }: { unitId: string; refreshKey: number }) {
  const list = usePaged((cursor) => bff.unitBills(unitId, 'paid', cursor), [unitId, refreshKey]);
  if (list.empty) return <PageShell empty emptyText="还没有缴费记录" />;
  return (
    <PageShell request={list}>
      <View className="cards" data-testid="paid-bills">
        {list.items.map((b) => (
          <BillRow
            key={b.id}
            bill={b}
            onTap={
              b.receiptOrderId
                ? () => void Taro.navigateTo({ url: `/packages/fees/receipt?id=${b.receiptOrderId}` })
                : undefined
            }
          />
        ))}
      </View>
      <ListFooter list={list} />
    </PageShell>
  );
}
