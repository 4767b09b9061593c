import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { BindFirst } from '../../../components/bind-first';
import { Button, Cell, CellGroup, Tag } from '../../../ui';
import { bff } from '../../../session';
import { useRequest } from '../../../hooks/use-request';
import { usePullRefresh } from '../../../hooks/use-pull-refresh';
import { shortTime } from '../../../beijing';
import { voice } from '../../../features/voice/endpoints';
import { KIND_LABELS, statusOf } from '../../../features/voice/labels';

/** 投诉与建议: the way to file one, and my complaints and questions, newest first, with their state. */
export default function Complaints() {
  const me = useRequest(() => bff.me(), []);
  const list = useRequest(() => voice.myComplaints(), []);
  usePullRefresh(list.reload);
  useDidShow(() => void (list.data && list.reload()));
  const verified = (me.data?.units ?? []).some((u) => u.status === 'VERIFIED');
  if (me.data && !verified)
    return (
      <PageShell>
        <BindFirst reason="绑定房屋并通过审核后，即可投诉、咨询" />
      </PageShell>
    );
  const items = list.data?.items ?? [];
  return (
    <PageShell request={me.data ? list : me}>
      <View className="actions">
        <Button
          type="primary"
          size="large"
          onClick={() => void Taro.navigateTo({ url: '/packages/voice/complaints/new' })}
          data-testid="complaint-new"
        >
          我要投诉或咨询
        </Button>
      </View>
      {items.length === 0 ? (
        <CellGroup title="我的投诉与咨询">
          <Cell title="您还没有提交过投诉或咨询" description="有什么不满意或想问的，都可以告诉物业" />
        </CellGroup>
      ) : (
        <CellGroup title={`我的投诉与咨询（共 ${items.length} 条）`} data-testid="complaint-list">
          {items.map((c) => {
            const s = statusOf(c);
            return (
              <Cell
                key={c.id}
                clickable
                onClick={() => void Taro.navigateTo({ url: `/packages/voice/complaints/detail?id=${c.id}` })}
                title={`${KIND_LABELS[c.kind]} · ${c.category}`}
                description={`${c.text.slice(0, 30)}${c.text.length > 30 ? '…' : ''}\n${shortTime(c.filedAt)}`}
                extra={<Tag type={s.tone}>{s.label}</Tag>}
              />
            );
          })}
        </CellGroup>
      )}
    </PageShell>
  );
}
