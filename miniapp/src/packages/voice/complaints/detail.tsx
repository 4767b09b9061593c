import Taro, { useRouter } from '@tarojs/taro';
import { bff, fileUrl } from '../../../session';
import { askForPush } from '../../../features/push/ask-for-push';
import { Image, Text, View } from '@tarojs/components';
import { Icon } from '../../../components/icon';
import { PageShell } from '../../../components/page-shell';
import { Button, Cell, CellGroup, Tag } from '../../../ui';
import { useRequest } from '../../../hooks/use-request';
import { usePullRefresh } from '../../../hooks/use-pull-refresh';
import { shortTime } from '../../../beijing';
import { voice } from '../../../features/voice/endpoints';
import { eventLabel, KIND_LABELS, nextStep, statusOf } from '../../../features/voice/labels';
import { ComplaintAnswer } from './answer';
import '../voice.css';
import { alt } from '../../../components/a11y';

/** From a tap (WeChat's rule): its progress (分派, 进展) and 处理完成, each a one-time message. */
async function subscribe() {
  const { templates } = await bff.pushSubscriptions();
  await askForPush([templates.complaintProgress.id, templates.complaintDone.id]);
}

/** One complaint: what and where, its state and promised times in plain words, its public progress, the answer. */
export default function ComplaintDetail() {
  const { params } = useRouter();
  const complaint = useRequest(
    () => (params.id ? voice.complaint(params.id) : Promise.resolve(undefined)),
    [params.id],
  );
  usePullRefresh(complaint.reload);
  const c = complaint.data;
  if (!params.id) return <PageShell error={new Error('缺少编号，请从投诉与建议进入')} />;
  const s = c && statusOf(c);
  const images = (c?.photos ?? []).map((p) => fileUrl(p.url));
  const next = c && nextStep(c);
  return (
    <PageShell request={complaint}>
      {c && s && (
        <View data-testid="complaint-detail">
          {params.filed === '1' && c.status === 'SUBMITTED' && (
            <View className="voice-done" data-testid="complaint-filed">
              <Icon name="success" size={40} color="var(--wyt-success)" />
              <Text className="voice-done__title">已提交</Text>
              <Text className="voice-done__text">物业客服会尽快安排处理，进度会显示在这里</Text>
              <Button fill="outline" onClick={() => void subscribe()} data-testid="complaint-subscribe">
                有进展时微信提醒我
              </Button>
            </View>
          )}
          <View className="voice-head">
            <Text className="voice-head__title">{`${KIND_LABELS[c.kind]} · ${c.category}`}</Text>
            <View data-testid="complaint-status">
              <Tag type={s.tone}>{s.label}</Tag>
            </View>
          </View>
          {next && (
            <Text className={`voice-next${next.late ? ' voice-next--late' : ''}`} data-testid="complaint-next">
              {next.text}
            </Text>
          )}
          {c.status === 'CLOSED' && c.closedAt && (
            <Text className="voice-next" data-testid="complaint-closed">
              {c.closure === 'AUTO'
                ? `您 ${shortTime(c.closedAt)} 前没有答复，已自动结案。仍有问题可以再提交一条`
                : `${shortTime(c.closedAt)} 您确认满意，已办结`}
            </Text>
          )}
          <ComplaintAnswer complaint={c} onDone={() => void complaint.reload()} />
          <CellGroup>
            <Cell title="内容" description={c.text} />
            <Cell title="地点" extra={c.place ?? c.from.unit ?? ''} />
            <Cell title="提交时间" extra={shortTime(c.filedAt)} />
            {c.from.anonymous && <Cell title="对工作人员匿名" extra="是" />}
            {c.rehandleCount > 0 && <Cell title="重新处理" extra={`${c.rehandleCount} 次`} />}
          </CellGroup>
          {images.length > 0 && (
            <View className="photo-grid" data-testid="complaint-photos">
              {images.map((url, i) => (
                <Image
                  key={url}
                  src={url}
                  mode="aspectFill"
                  {...alt(`投诉照片 ${i + 1}，点按放大`)}
                  className="photo-grid__item"
                  onClick={() => void Taro.previewImage({ urls: images, current: url })}
                />
              ))}
            </View>
          )}
          <CellGroup title="处理进度" data-testid="complaint-timeline">
            {[...c.events].reverse().map((e, i) => (
              <Cell
                key={`${e.at}-${i}`}
                title={eventLabel(e.action)}
                description={e.note ?? ''}
                extra={shortTime(e.at)}
              />
            ))}
          </CellGroup>
        </View>
      )}
    </PageShell>
  );
}
