import { View } from '@tarojs/components';
import { Cell, CellGroup, Tag } from '../../ui';
import type { RepairDetail } from '../../api/types';
import { shortTime } from '../../beijing';

const DONE_LABEL: Record<string, string> = { ACCEPT: '接收', CONTACT: '联系', ARRIVE: '上门', FEEDBACK: '处理' };

/** The repair's deadlines: each step's promised time, when it was done, and whether it was late. */
export function RepairDeadlines({ sla }: { sla: RepairDetail['sla'] }) {
  if (sla.deadlines.length === 0) return null;
  return (
    <View data-testid="repair-deadlines">
      <CellGroup title="服务时限">
        {sla.next && (
          <Cell
            title={`下一步：${sla.next.label}`}
            description={sla.next.overdue ? '已超时，物业已收到提醒' : '请留意电话'}
            extra={<Tag type={sla.next.overdue ? 'danger' : 'primary'}>{`${shortTime(sla.next.dueAt)} 前`}</Tag>}
          />
        )}
        {sla.deadlines.map((d) => (
          <Cell
            key={d.clock}
            title={`${d.label}时限 ${shortTime(d.dueAt)}`}
            extra={
              d.doneAt ? (
                <Tag
                  type={d.late ? 'warning' : 'success'}
                >{`${shortTime(d.doneAt)} 已${DONE_LABEL[d.clock]}${d.late ? '（超时）' : ''}`}</Tag>
              ) : d.late ? (
                <Tag type="danger">已超时</Tag>
              ) : (
                <Tag type="default">未到</Tag>
              )
            }
          />
        ))}
      </CellGroup>
    </View>
  );
}
