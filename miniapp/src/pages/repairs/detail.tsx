import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Cell, CellGroup, Tag } from '../../ui';
import { bff, fileUrl } from '../../session';
import { useRequest } from '../../hooks/use-request';
import { shortTime } from '../../beijing';
import {
  ACTION_LABELS,
  FAULT_LABELS,
  RETURN_REASON_LABELS,
  STATUS_LABELS,
  STATUS_TAG,
} from '../../features/repairs/labels';
import { RepairActions } from '../../features/repairs/repair-actions';
import { formatPhone } from '../../features/display/format';
import { RepairDeadlines } from '../../features/repairs/deadlines';
import { AppointmentProposal } from '../../features/repairs/appointment-proposal';
import '../../features/notices/notice.css';
import { alt } from '../../components/a11y';

/** One repair: what, where, its state and every step so far; the actions the caller may take now. */
export default function RepairDetail() {
  const { params } = useRouter();
  const repair = useRequest(() => bff.repair(params.id ?? ''), [params.id]);
  const r = repair.data;
  if (!params.id) return <PageShell error={new Error('缺少报修编号，请从报修列表进入')} />;
  const images = (r?.photos ?? []).map((p) => fileUrl(p.url));
  return (
    <PageShell request={repair}>
      {r && (
        <View data-testid="repair-detail">
          <View className="notice__meta">
            <Text className="notice__title">{`${FAULT_LABELS[r.faultType]} · ${r.part}`}</Text>
          </View>
          <View className="notice__meta">
            <View data-testid="repair-status">
              <Tag type={STATUS_TAG[r.status]}>{STATUS_LABELS[r.status]}</Tag>
            </View>
            {r.emergency && <Tag type="danger">应急</Tag>}
            {r.urgentAt && <Tag type="danger">已加急</Tag>}
            <Text className="notice__time">{r.number}</Text>
          </View>
          <CellGroup>
            <Cell title="位置" extra={r.place} />
            <Cell title="现象" description={[r.phenomenon, r.description].filter(Boolean).join('；')} />
            <Cell
              title="联系电话"
              extra={formatPhone(r.contactPhone)}
              clickable={r.myRoles.includes('assignee')}
              onClick={() =>
                r.myRoles.includes('assignee') &&
                r.contactPhone &&
                void Taro.makePhoneCall({ phoneNumber: r.contactPhone })
              }
            />
            {r.filedByOffice && (
              <Cell
                title="登记方式"
                extra={r.filedByOffice.channel === 'PHONE' ? '物业代报（来电）' : '物业代报（到访）'}
              />
            )}
            {r.assignee && <Cell title="维修工" extra={r.assignee.name ?? ''} />}
            {r.appointmentAt && <Cell title="约定上门" extra={shortTime(r.appointmentAt)} />}
            {r.returnReason && <Cell title="退单原因" extra={RETURN_REASON_LABELS[r.returnReason]} />}
            {r.rating && (
              <Cell
                title="评价"
                extra={`质量 ${r.rating.quality} 分 · 态度 ${r.rating.attitude} 分`}
                description={r.rating.comment ?? ''}
              />
            )}
          </CellGroup>
          {images.length > 0 && (
            <View className="photo-grid">
              {images.map((url, i) => (
                <Image
                  key={url}
                  src={url}
                  mode="aspectFill"
                  {...alt(`报修照片 ${i + 1}，点按放大`)}
                  className="photo-grid__item"
                  onClick={() => void Taro.previewImage({ urls: images, current: url })}
                />
              ))}
            </View>
          )}
          {r.textHeld && <Text className="hint">报修内容正在审核，审核通过前只有您和物业能看到</Text>}
          <AppointmentProposal repair={r} onDone={repair.reload} />
          <RepairDeadlines sla={r.sla} />
          <RepairActions repair={r} onDone={repair.reload} />
          <CellGroup title="处理进度" data-testid="repair-timeline">
            {[...r.timeline].reverse().map((e, i) => (
              <Cell
                key={`${e.at}-${i}`}
                title={`${ACTION_LABELS[e.action] ?? e.action} · ${STATUS_LABELS[e.to]}`}
                description={[e.by, e.note].filter(Boolean).join('：')}
                extra={shortTime(e.at)}
              />
            ))}
          </CellGroup>
        </View>
      )}
    </PageShell>
  );
}
