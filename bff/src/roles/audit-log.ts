import type { Prisma, StaffRoleKind } from '@prisma/client';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { beijingMinute, dayEnd, dayStart } from '../beijing.js';
import { keyset, toPage } from '../http/params.js';
import { exportTable } from '../fees/export.js';
import { ROLE_NAMES } from '../invitations/invitations.js';
import { isCompanyAdmin } from './authority.js';
import { ROLE_AUDIT_KINDS } from './audit-write.js';
import type { AuditFilter } from './schema.js';
import { AUDIT_KIND_NAMES } from './audit-kind-names.js';

export { AUDIT_KIND_NAMES };

/** Written by a scheduled job (committee/sweep.ts), not the server command, when no one acted. */
const SYSTEM_KINDS = new Set(['COMMITTEE_TERM_ENDED', 'COMMITTEE_TERM_REMINDER', 'ROLE_REMOVED']);

type Event = Prisma.AuditEventGetPayload<object>;
const serverKinds = new Set<string>(ROLE_AUDIT_KINDS);

/** The company's events matching the filter: a person is the one who acted or the one it was about. */
async function whereOf(deps: Deps, userId: string, f: AuditFilter): Promise<Prisma.AuditEventWhereInput> {
  if (!(await isCompanyAdmin(deps.db, userId, f.companyId))) throw notFound('公司');
  return {
    companyId: f.companyId,
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.personId ? { OR: [{ actorId: f.personId }, { subjectId: f.personId }] } : {}),
    ...(f.from || f.to
      ? { at: { ...(f.from ? { gte: dayStart(f.from) } : {}), ...(f.to ? { lt: dayEnd(f.to) } : {}) } }
      : {}),
  };
}

const roleIn = (v: Prisma.JsonValue | null): StaffRoleKind | null => {
  const role = v && typeof v === 'object' && !Array.isArray(v) ? v.role : null;
  return typeof role === 'string' && role in ROLE_NAMES ? (role as StaffRoleKind) : null;
};

const fieldOf = (v: Prisma.JsonValue | null, key: string) =>
  v && typeof v === 'object' && !Array.isArray(v) ? v[key] : undefined;

/** The one line the table shows: the role, the amount of money, or the personal field revealed. */
function summaryOf(e: Event): string {
  const role = roleIn(e.after) ?? roleIn(e.before);
  if (role) return ROLE_NAMES[role];
  const fen = fieldOf(e.after, 'amountFen') ?? fieldOf(e.after, 'totalFen') ?? fieldOf(e.before, 'totalFen');
  if (typeof fen === 'number') return `${(fen / 100).toFixed(2)} 元`;
  const field = fieldOf(e.after, 'field');
  if (field === 'PHONE' || field === 'NAME') return field === 'PHONE' ? '手机号' : '姓名';
  return '';
}

/** Names of the people and communities of a batch of events, in two queries. */
async function describe(deps: Deps, events: Event[]) {
  const userIds = [...new Set(events.flatMap((e) => [e.actorId, e.subjectId]).filter((x): x is string => !!x))];
  const communityIds = [...new Set(events.map((e) => e.communityId).filter((x): x is string => !!x))];
  const [users, communities] = await Promise.all([
    deps.db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
    deps.db.community.findMany({ where: { id: { in: communityIds } }, select: { id: true, name: true } }),
  ]);
  const people = new Map(users.map((u) => [u.id, u.name ?? '未填写姓名']));
  const places = new Map(communities.map((c) => [c.id, c.name]));
  return (e: Event) => {
    return {
      id: e.id,
      at: e.at.toISOString(),
      kind: e.kind,
      kindName: AUDIT_KIND_NAMES[e.kind] ?? e.kind,
      actorId: e.actorId,
      // No actor: a scheduled job (committee/sweep.ts), the server command for roles, the system otherwise (an overpayment's refund).
      actorName: e.actorId
        ? (people.get(e.actorId) ?? '工作人员')
        : SYSTEM_KINDS.has(e.kind)
          ? '系统任务'
          : serverKinds.has(e.kind)
            ? '服务器命令'
            : '系统',
      communityName: e.communityId ? (places.get(e.communityId) ?? null) : null,
      subjectId: e.subjectId,
      subjectName: e.subjectId ? (people.get(e.subjectId) ?? null) : null,
      summary: summaryOf(e),
      reason: e.reason,
      before: e.before,
      after: e.after,
    };
  };
}

/** The audit log, newest first, keyset-paged with the total (company admins only). */
export async function listAudit(deps: Deps, userId: string, q: AuditFilter & { cursor?: string; limit: number }) {
  const where = await whereOf(deps, userId, q);
  const page = keyset('at', q.cursor, q.limit, 'desc');
  const [total, rows] = await Promise.all([
    deps.db.auditEvent.count({ where }),
    deps.db.auditEvent.findMany({ where: { ...where, ...page.where }, orderBy: page.orderBy, take: page.take }),
  ]);
  const { items, nextCursor } = toPage(rows, q.limit, (r) => r.at);
  const view = await describe(deps, items);
  return { items: items.map(view), nextCursor, total };
}

const BATCH = 1000;
const json = (v: Prisma.JsonValue | null) => (v === null ? '' : JSON.stringify(v));

/** The same filter as a file Excel opens (fees/export.ts: streamed .xlsx, or CSV with a BOM), read in keyset batches. */
export async function exportAudit(deps: Deps, userId: string, q: AuditFilter & { format: 'xlsx' | 'csv' }) {
  const where = await whereOf(deps, userId, q);
  async function* rows() {
    let cursor: string | undefined;
    for (;;) {
      const page = keyset('at', cursor, BATCH, 'desc');
      const found = await deps.db.auditEvent.findMany({
        where: { ...where, ...page.where },
        orderBy: page.orderBy,
        take: page.take,
      });
      const { items, nextCursor } = toPage(found, BATCH, (r) => r.at);
      const view = await describe(deps, items);
      for (const e of items.map(view))
        yield [
          beijingMinute(new Date(e.at)),
          e.kindName,
          e.actorName,
          e.communityName ?? '',
          e.subjectName ?? '',
          e.summary,
          e.reason,
          json(e.before),
          json(e.after),
        ];
      if (!nextCursor) return;
      cursor = nextCursor;
    }
  }
  return exportTable(
    q.format,
    { file: '审计日志', sheet: '审计日志' },
    [
      { header: '时间（北京）', width: 18 },
      { header: '类型', width: 12 },
      { header: '操作人', width: 12 },
      { header: '小区', width: 16 },
      { header: '对象', width: 12 },
      { header: '内容', width: 14 },
      { header: '原因', width: 24 },
      { header: '变更前', width: 40 },
      { header: '变更后', width: 40 },
    ],
    rows(),
  );
}
