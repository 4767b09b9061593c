import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Cell, CellGroup, Tag } from '../../../ui';
import { bff, fileUrl } from '../../../session';
import { shortTime } from '../../../beijing';
import { useRequest } from '../../../hooks/use-request';
import { usePullRefresh } from '../../../hooks/use-pull-refresh';
import { formatPhone } from '../../../features/display/format';
import { KIND_LABELS } from '../../../features/voice/labels';
import { ClockLine } from '../../../features/voice/clock-line';
import { CHANNEL_LABELS, staffEventLabel, staffStatusOf } from '../../../features/voice/staff-labels';
import { staffVoice } from '../../../features/voice/staff-endpoints';
import { ComplaintSteps } from './steps';
import { alt } from '../../../components/a11y';
import '../voice.css';

/**
 * One complaint for the staff (#31): what, where and from whom (an anonymous resident stays 匿名住户: the
 * BFF never sends their name, phone or unit), the running clock, the whole history with internal notes
 * marked, and the steps the caller may take now (steps.tsx).
 */
export default function StaffComplaintDetail() {
  const { params } = useRouter();
  const me = useRequest(() => bff.me(), []);
  const complaint = useRequest(
    () => (params.id ? staffVoice.complaint(params.id) : Promise.resolve(undefined)),
    [params.id],
  );
  usePullRefresh(complaint.reload);
  if (!params.id) return <PageShell error={new Error('缺少编号，请从投诉处理进入')} />;
  const c = complaint.data;
  const s = c && staffStatusOf(c);
  const images = (c?.photos ?? []).map((p) => fileUrl(p.url));
  const office = (me.data?.staff ?? []).some(
    (x) => x.community.id === c?.communityId && (x.roles.includes('MANAGER') || x.roles.includes('COMPANY_ADMIN')),
  );
  const assignee = Boolean(c && me.data && c.assigneeId === me.data.id);
  return (
    <PageShell request={me.data ? complaint : me}>
      {c && s && (
        <View data-testid="staff-complaint-detail">
          <View className="voice-head">
            <Text className="voice-head__title">{`${KIND_LABELS[c.kind]} · ${c.category}`}</Text>
            <View data-testid="complaint-status">
              <Tag type={s.tone}>{s.label}</Tag>
            </View>
          </View>
          <ClockLine c={c} />
          {c.from.anonymous && (
            <Text className="staff-voice-note" data-testid="complaint-anonymous">
              住户选择了对工作人员匿名：看不到姓名、电话和房号，请通过“记录进展”（公开）与住户沟通
            </Text>
          )}
          <CellGroup>
            <Cell title="内容" description={c.text} />
            <Cell title="住户" extra={c.from.name ?? ''} />
            {c.from.phone && <Cell title="电话" extra={formatPhone(c.from.phone)} />}
            <Cell title="地点" extra={c.place ?? c.from.unit ?? '—'} />
            <Cell title="来源" extra={CHANNEL_LABELS[c.channel]} />
            <Cell title="提交时间" extra={shortTime(c.filedAt)} />
            {c.urgent && <Cell title="紧急" extra="是" />}
            {c.department && <Cell title="处理部门" extra={c.department} />}
            {c.rehandleCount > 0 && <Cell title="重新处理" extra={`${c.rehandleCount} 次`} />}
            {c.closureLabel && <Cell title="结案" extra={c.closureLabel} />}
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
          <ComplaintSteps complaint={c} office={office} assignee={assignee} onDone={complaint.reload} />
          <CellGroup title="处理记录" data-testid="complaint-history">
            {[...c.events].reverse().map((e, i) => (
              <Cell
                key={`${e.at}-${i}`}
                title={`${staffEventLabel(e.action)}${e.public ? '' : '（内部）'}${e.bySystem ? '（系统）' : ''}`}
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
