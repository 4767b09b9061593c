import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Cell, CellGroup, Tag } from '../../../ui';
import { PageShell } from '../../../components/page-shell';
import { BindFirst } from '../../../components/bind-first';
import { bff } from '../../../session';
import { useRequest } from '../../../hooks/use-request';
import { usePullRefresh } from '../../../hooks/use-pull-refresh';
import { shortTime } from '../../../beijing';
import { voice } from '../../../features/voice/endpoints';
import { askForPush } from '../../../features/push/ask-for-push';
import { answeredLabel } from './answered';

/** From a tap (WeChat's rule): the opening of the next survey and the one reminder before it closes. */
async function subscribe() {
  const { templates } = await bff.pushSubscriptions();
  await askForPush([templates.surveyOpened.id, templates.surveyClosing.id]);
}

/** 问卷调查: the surveys open now for my homes, each with whether my home has answered it. */
export default function Surveys() {
  const me = useRequest(() => bff.me(), []);
  const list = useRequest(
    () => voice.mySurveys(),
    [],
    (d) => d.items.length === 0,
  );
  usePullRefresh(list.reload);
  useDidShow(() => void (list.data && list.reload()));
  if (me.data && !me.data.units.some((u) => u.status === 'VERIFIED'))
    return (
      <PageShell>
        <BindFirst reason="绑定房屋并通过审核后，即可参加物业的问卷调查" />
      </PageShell>
    );
  return (
    <PageShell request={me.data ? list : me} emptyText="现在没有需要填写的问卷">
      <CellGroup title="正在进行的问卷" data-testid="survey-list">
        {(list.data?.items ?? []).map((s) =>
          s.units.map((u) => {
            const done = answeredLabel(u.answered);
            return (
              <Cell
                key={`${s.id}-${u.unitId}`}
                clickable
                onClick={() =>
                  void Taro.navigateTo({ url: `/packages/voice/surveys/detail?id=${s.id}&unitId=${u.unitId}` })
                }
                title={s.byCommittee ? `【业委会征询】${s.title}` : s.title}
                description={`${s.units.length > 1 ? `${u.label} · ` : ''}共 ${s.questionCount} 题 · ${shortTime(s.closesAt)} 截止`}
                extra={done ? <Tag type="success">{done}</Tag> : <Tag type="primary">去填写</Tag>}
              />
            );
          }),
        )}
      </CellGroup>
      <Button block fill="outline" onClick={() => void subscribe()} data-testid="survey-subscribe">
        新问卷和截止前提醒我
      </Button>
    </PageShell>
  );
}
