import type { Db } from '../../../bff/src/db.js';

/**
 * A month of a community's work written straight to the database, at random but reproducibly (a seeded
 * generator), around the Beijing month `month` — rows just before, inside and just after it — for the
 * statistics tests (#31) to check every figure against counts made over these very rows.
 */
export type StatsSeed = Awaited<ReturnType<typeof seedStatsMonth>>;

function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), chance: (p: number) => next() < p };
}

const MIN = 60_000;

/** Beijing midnight of the first day of `month`, as an instant. */
const monthStartUtc = (month: string) => new Date(`${month}-01T00:00:00+08:00`);

export async function seedStatsMonth(
  db: Db,
  site: { communityId: string; unitIds: string[]; userId: string },
  month: string,
  seed: number,
  counts = { repairs: 80, complaints: 40, snapshots: 30 },
) {
  const g = generator(seed);
  const start = monthStartUtc(month).getTime();
  // From three days before the month to three days after it (a 30-day month and a half-hour either side of its edges).
  const span = 36 * 86_400_000;
  const at = () => {
    const pick = g.int(10);
    if (pick === 0) return new Date(start - 30 * MIN); // 23:30 of the day before, Beijing
    if (pick === 1) return new Date(start + 30 * MIN); // 00:30 on the first, Beijing
    return new Date(start - 3 * 86_400_000 + g.int(span));
  };
  const step = (from: Date, dueMin: number) => {
    const due = new Date(from.getTime() + dueMin * MIN);
    const r = g.int(4); // 0: not yet, 1: on time, 2: late, 3: exactly at the deadline
    const done =
      r === 0 ? null : r === 1 ? new Date(due.getTime() - 5 * MIN) : r === 2 ? new Date(due.getTime() + 5 * MIN) : due;
    return { due, done };
  };
  const unit = () => site.unitIds[g.int(site.unitIds.length)]!;

  const repairs = [];
  const repairBreaches = [];
  for (let i = 0; i < counts.repairs; i++) {
    const filedAt = at();
    const accept = step(filedAt, 15);
    const contact = step(filedAt, 120);
    const arrive = step(filedAt, 240);
    const reopenCount = g.int(2);
    const rated = g.chance(0.5);
    const row = {
      id: crypto.randomUUID(),
      number: `S-${crypto.randomUUID()}`,
      communityId: site.communityId,
      unitId: unit(),
      reporterId: site.userId,
      status: rated ? ('CLOSED' as const) : ('ACCEPTED' as const),
      faultType: 'WATER' as const,
      part: '水龙头',
      phenomenon: '漏水',
      emergency: false,
      description: '',
      contactPhone: '+8613800000000',
      filedAt,
      updatedAt: filedAt,
      acceptDueAt: accept.due,
      acceptedAt: accept.done,
      contactDueAt: g.chance(0.8) ? contact.due : null,
      contactedAt: contact.done,
      arriveDueAt: g.chance(0.8) ? arrive.due : null,
      arrivedAt: arrive.done,
      reopenCount,
      ratingAttitude: rated ? 1 + g.int(5) : null,
      ratingQuality: rated ? 1 + g.int(5) : null,
    };
    repairs.push(row);
    for (const clock of ['ACCEPT', 'CONTACT', 'ARRIVE'] as const)
      if (g.chance(0.4))
        repairBreaches.push({
          repairId: row.id,
          communityId: site.communityId,
          clock,
          cycle: g.int(2), // sometimes an earlier cycle's breach, which no longer counts for contact and arrival
          step: 0,
          dueAt: filedAt,
          at: filedAt,
        });
  }
  await db.repairRequest.createMany({ data: repairs });
  await db.repairBreach.createMany({ data: repairBreaches });

  const visits = repairs
    .filter(() => g.chance(0.7))
    .map((r) => {
      const done = g.int(3); // 0: open, 1: phone, 2: rating
      return {
        id: crypto.randomUUID(),
        repairId: r.id,
        cycle: 0,
        communityId: site.communityId,
        createdAt: at(),
        doneAt: done === 0 ? null : new Date(start + 40 * 86_400_000),
        method: done === 0 ? null : done === 1 ? ('PHONE' as const) : ('RATING' as const),
        result: done === 0 ? null : ('SATISFIED' as const),
      };
    });
  await db.returnVisit.createMany({ data: visits });

  const complaints = [];
  const complaintBreaches = [];
  for (let i = 0; i < counts.complaints; i++) {
    const filedAt = at();
    const triage = step(filedAt, 60);
    const contact = step(filedAt, 24 * 60);
    const rehandleCount = g.int(3) === 0 ? 1 + g.int(2) : 0;
    const row = {
      id: crypto.randomUUID(),
      communityId: site.communityId,
      filedById: site.userId,
      residentId: site.userId,
      channel: 'APP' as const,
      kind: g.chance(0.8) ? ('COMPLAINT' as const) : ('CONSULTATION' as const),
      unitId: unit(),
      category: '噪音扰民',
      text: '楼上装修噪音太大',
      filedAt,
      updatedAt: filedAt,
      triageDueAt: triage.due,
      triagedAt: triage.done,
      contactDueAt: triage.done ? contact.due : null,
      contactedAt: triage.done ? contact.done : null,
      rehandleCount,
    };
    complaints.push(row);
    for (const clock of ['TRIAGE', 'CONTACT'] as const)
      if (g.chance(0.4))
        complaintBreaches.push({
          complaintId: row.id,
          communityId: site.communityId,
          clock,
          cycle: g.int(3),
          step: 0,
          dueAt: filedAt,
          at: filedAt,
        });
  }
  await db.complaint.createMany({ data: complaints });
  await db.complaintBreach.createMany({ data: complaintBreaches });

  const STATUSES = ['SUBMITTED', 'ACCEPTED', 'HANDLED', 'CLOSED', 'AUTO_CLOSED'] as const;
  const snapshots = Array.from({ length: counts.snapshots }, () => {
    const createdAt = at();
    return {
      id: crypto.randomUUID(),
      communityId: site.communityId,
      authorId: site.userId,
      kind: 'PROBLEM' as const,
      text: '路灯坏了',
      status: STATUSES[g.int(STATUSES.length)]!,
      createdAt,
      updatedAt: createdAt,
    };
  });
  await db.snapshot.createMany({ data: snapshots });
  return { repairs, repairBreaches, visits, complaints, complaintBreaches, snapshots };
}
