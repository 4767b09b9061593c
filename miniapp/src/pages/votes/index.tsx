import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
// The shared stylesheets before any component's: every page then bundles them in one order (weapp's common.wxss).
import '../../components/list.css';
import { PageShell } from '../../components/page-shell';
import { Button, Tag } from '../../ui';
import { bff } from '../../session';
import { useRequest } from '../../hooks/use-request';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { shortTime } from '../../beijing';
import { STATE_LABELS } from '../../features/elections/labels';
import { askForVotePush } from '../../features/elections/ask-for-vote-push';

/** 投票: the votes of my community — open ones to vote in, results once published. */
export default function Votes() {
  const list = useRequest(
    () => bff.elections(),
    [],
    (d) => d.items.length === 0,
  );
  usePullRefresh(list.reload);
  useDidShow(() => void (list.data && list.reload()));
  return (
    <PageShell request={list} emptyText="暂无投票">
      {list.data?.items.some((e) => e.state === 'PUBLISHED') && (
        // An upcoming vote: the moment to ask for "vote opened" and the results (docs/wechat.md §4).
        <View className="actions">
          <Button
            size="large"
            data-testid="vote-ask-upcoming"
            onClick={() => void askForVotePush((t) => [t.electionOpened.id, t.electionResults.id])}
          >
            投票开始和公布结果时提醒我
          </Button>
        </View>
      )}
      <View className="cards" data-testid="vote-list">
        {list.data?.items.map((e) => (
          <View
            key={e.id}
            className="card"
            onClick={() => void Taro.navigateTo({ url: `/packages/committee/votes/detail?id=${e.id}` })}
            data-testid="vote-row"
          >
            <View className="card__main">
              <View className="card__title">
                <Text>{e.title}</Text>
                <Tag type={e.state === 'OPEN' ? 'primary' : 'default'}>{STATE_LABELS[e.state]}</Tag>
              </View>
              <Text className="card__sub">
                {e.kind === 'ELECTION'
                  ? `业委会选举 · 应选 ${e.seats} 人`
                  : e.class === 'SPECIAL'
                    ? '表决事项（需 3/4 同意）'
                    : '表决事项（需过半数同意）'}{' '}
                · 截止 {shortTime(e.closesAt)}
              </Text>
              {e.state === 'OPEN' && (
                <Text className="card__sub">{e.voted ? '✓ 本户已投票' : '尚未投票，点此投票'}</Text>
              )}
            </View>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
