import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
// The shared stylesheets before any component's: every page then bundles them in one order (weapp's common.wxss).
import '../../../components/list.css';
import '../../../components/form.css';
import { PageShell } from '../../../components/page-shell';
import { ChoiceGroup } from '../../../components/choice-group';
import { Button, Input, Tag } from '../../../ui';
import { bff } from '../../../session';
import { useAction, useRequest } from '../../../hooks/use-request';
import { DAY_MS, fromNow, shortTime } from '../../../beijing';
import { STATE_LABELS } from '../../../features/elections/results';
import { inputLabel } from '../../../components/a11y';

/** The legal minimum notice before an assembly vote opens (物业管理条例 art. 14). */
const NOTICE_DAYS = 15;
// At least 7 days of voting after the notice period (docs/domain.md §5, Voting period): 10 leaves room
// to publish a few days after the draft; a later publication moves the deadline on the vote's page.
const DAYS = [
  { value: '10', label: '10 天' },
  { value: '14', label: '14 天' },
  { value: '30', label: '30 天' },
];

/** 选举管理: the community's votes, and a new one (an election of the committee, or a matter for the owners' assembly). */
export default function Elections() {
  const communityId = useRouter().params.communityId ?? '';
  const list = useRequest(
    () => bff.committeeElections(communityId),
    [communityId],
    (d) => d.items.length === 0,
  );
  useDidShow(() => void (list.data && list.reload()));
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<'ELECTION' | 'MATTER'>('ELECTION');
  const [cls, setCls] = useState<'ORDINARY' | 'SPECIAL'>('ORDINARY');
  const [seats, setSeats] = useState('3');
  const [days, setDays] = useState('14');
  const create = useAction(async () => {
    // Voting starts no earlier than the notice period after publication (docs/domain.md §5, Notice).
    const closesAt = fromNow((NOTICE_DAYS + Number(days)) * DAY_MS).toISOString();
    const { id } = await bff.createElection(communityId, {
      title: title.trim(),
      kind,
      class: kind === 'MATTER' ? cls : 'ORDINARY',
      seats: kind === 'ELECTION' ? Number(seats) : 1,
      closesAt,
    });
    setTitle('');
    await Taro.navigateTo({ url: `/packages/committee/elections/detail?id=${id}` });
  });
  if (!communityId) return <PageShell error={new Error('缺少小区参数，请从首页的员工工作台进入')} />;

  // The form and the list in one PageShell, the page's root: care mode and the text size reach the form too.
  return (
    <PageShell>
      <View data-testid="committee-elections">
        <View className="form">
          <Text className="section-title">发起投票</Text>
          <View className="form__row">
            <Text>标题</Text>
            <Input
              value={title}
              onChange={setTitle}
              placeholder="如：第三届业主委员会选举"
              {...inputLabel('标题')}
              data-testid="election-title"
            />
          </View>
          <ChoiceGroup
            testId="election-kind"
            label="投票类别"
            options={[
              { value: 'ELECTION' as const, label: '业委会选举' },
              { value: 'MATTER' as const, label: '表决事项' },
            ]}
            value={kind}
            onChange={(v) => v && setKind(v)}
          />
          {kind === 'ELECTION' ? (
            <ChoiceGroup
              testId="election-seats"
              label="应选人数"
              options={['3', '5', '7', '9'].map((s) => ({ value: s, label: `应选 ${s} 人` }))}
              value={seats}
              onChange={(v) => v && setSeats(v)}
            />
          ) : (
            <ChoiceGroup
              testId="election-class"
              label="表决事项类别"
              options={[
                { value: 'ORDINARY' as const, label: '一般事项（过半数）' },
                { value: 'SPECIAL' as const, label: '重大事项（3/4）' },
              ]}
              value={cls}
              onChange={(v) => v && setCls(v)}
            />
          )}
          <ChoiceGroup
            testId="election-days"
            label="投票期"
            options={DAYS.map((d) => ({ value: d.value, label: `公示 ${NOTICE_DAYS} 天后投票 ${d.label}` }))}
            value={days}
            onChange={(v) => v && setDays(v)}
          />
          <View className="actions">
            <Button
              type="primary"
              loading={create.running}
              disabled={title.trim().length < 4}
              onClick={() => void create.run()}
            >
              创建草稿
            </Button>
          </View>
        </View>
        <PageShell request={list} emptyText="还没有投票" section>
          {list.data?.items.map((e) => (
            <View
              key={e.id}
              className="card"
              onClick={() => void Taro.navigateTo({ url: `/packages/committee/elections/detail?id=${e.id}` })}
              data-testid="committee-election-row"
            >
              <View className="card__main">
                <View className="card__title">
                  <Text>{e.title}</Text>
                  <Tag type={e.state === 'OPEN' ? 'primary' : 'default'}>{STATE_LABELS[e.state]}</Tag>
                </View>
                <Text className="card__sub">截止 {shortTime(e.closesAt)}</Text>
              </View>
            </View>
          ))}
        </PageShell>
      </View>
    </PageShell>
  );
}
