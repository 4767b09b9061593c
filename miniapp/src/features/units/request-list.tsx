import { CellGroup, Cell, Tag } from '../../ui';
import type { BindRequest } from '../../api/types';
import { RELATION_LABELS, STATUS_LABELS } from '../../roles';

const TAG_TYPE = { VERIFIED: 'success', PENDING: 'warning', REJECTED: 'danger', ENDED: 'default' } as const;

/** My bind requests and their state; a rejection shows its reason. */
export function RequestList({ items }: { items: BindRequest[] }) {
  if (items.length === 0) return null;
  return (
    <CellGroup title="我的房屋" data-testid="my-requests">
      {items.map((r) => (
        <Cell
          key={r.id}
          title={`${r.unit.community.name} ${r.unit.building} ${r.unit.number}室`}
          description={
            r.status === 'REJECTED' && r.rejectReason ? `驳回原因：${r.rejectReason}` : RELATION_LABELS[r.relation]
          }
          extra={<Tag type={TAG_TYPE[r.status]}>{STATUS_LABELS[r.status]}</Tag>}
          data-testid={`request-${r.status}`}
        />
      ))}
    </CellGroup>
  );
}
