import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { makeCommunity, makePushAudience } from './support/factories/index.js';
import { deliverPush } from '../bff/src/push/deliver.js';
import { queuePush } from '../bff/src/push/outbox.js';
import { TEMPLATES } from '../bff/src/push/templates.js';

/**
 * The delivery job handles a fetched batch in a few statements for all its messages: what a batch
 * holds must not change what is sent — several messages of one subscription, an interrupted one,
 * two batches of the same subscribers at once. No worker runs here: the tests hand the batches over.
 */
const h = useHarness();
const TPL = TEMPLATES.noticePublished.id;
let unit: { id: string };

beforeAll(async () => {
  unit = (await makeCommunity(h.db, { units: 1 })).units[0]!;
});

/** One event's messages to `users`, written as an event writes them; their ids. */
async function queue(users: { id: string }[]): Promise<string[]> {
  const event = { kind: 'test.batch', id: randomUUID() };
  await h.db.$transaction((tx) =>
    queuePush(h.deps, tx, {
      template: 'noticePublished',
      recipients: users.map((u) => ({ userId: u.id })),
      values: { title: '批量', category: '通知', publishedAt: h.deps.clock.now() },
      event,
    }),
  );
  return (await h.db.pushMessage.findMany({ where: { eventId: event.id }, select: { id: true } })).map((m) => m.id);
}

const runBatch = async (ids: string[]) =>
  deliverPush.handleBatch!(
    h.deps,
    ids.map((id) => ({ id, data: { messageId: id }, retryCount: 0, retryLimit: 10 })),
  );
const statusesOf = async (ids: string[]) =>
  (await h.db.pushMessage.findMany({ where: { id: { in: ids } }, select: { status: true } }))
    .map((m) => m.status)
    .sort();
const deliveredTo = async (openids: string[]) =>
  ((await (await fetch(`${h.simUrl}/sim/subscribe/delivered`)).json()) as { items: { touser: string }[] }).items.filter(
    (d) => openids.includes(d.touser),
  );
const creditOf = async (userId: string) =>
  (await h.db.pushCredit.findFirstOrThrow({ where: { userId, templateId: TPL } })).credit;

describe('a batch of push deliveries', () => {
  it('two messages of one subscription with one credit: one sent, the other NO_CREDIT', async () => {
    const [user] = await makePushAudience(h, unit, TPL, 1);
    const ids = [...(await queue([user!])), ...(await queue([user!]))];
    expect(await runBatch(ids)).toEqual([]);
    expect(await statusesOf(ids)).toEqual(['NO_CREDIT', 'SENT']);
    expect(await deliveredTo([user!.openid])).toHaveLength(1);
    expect(await creditOf(user!.id)).toBe(0);
  });

  it('three messages of one subscription with two credits: two sent', async () => {
    const [user] = await makePushAudience(h, unit, TPL, 1);
    await h.db.pushCredit.update({
      where: { userId_templateId: { userId: user!.id, templateId: TPL } },
      data: { credit: 2 },
    });
    await h.sim('/sim/subscribe/accept', { openid: user!.openid, templateId: TPL });
    const ids = [...(await queue([user!])), ...(await queue([user!])), ...(await queue([user!]))];
    expect(await runBatch(ids)).toEqual([]);
    expect(await statusesOf(ids)).toEqual(['NO_CREDIT', 'SENT', 'SENT']);
    expect(await deliveredTo([user!.openid])).toHaveLength(2);
  });

  it('a message found SENDING ends UNKNOWN and is not sent; the rest of the batch is', async () => {
    const users = await makePushAudience(h, unit, TPL, 3);
    const ids = await queue(users);
    await h.db.pushMessage.update({ where: { id: ids[1] }, data: { status: 'SENDING' } });
    const interrupted = await h.db.pushMessage.findUniqueOrThrow({ where: { id: ids[1] } });
    expect(await runBatch(ids)).toEqual([]);
    expect((await h.db.pushMessage.findUniqueOrThrow({ where: { id: ids[1] } })).status).toBe('UNKNOWN');
    expect(await statusesOf(ids)).toEqual(['SENT', 'SENT', 'UNKNOWN']);
    expect(await deliveredTo([interrupted.openid])).toHaveLength(0);
  });

  it('two batches of the same forty subscribers at once: each subscriber gets exactly its one credit', async () => {
    const users = await makePushAudience(h, unit, TPL, 40);
    const first = await queue(users);
    const second = await queue([...users].reverse());
    // Each batch holds half of each event's messages, so both claim credits of the same subscribers.
    const a = [...first.slice(0, 20), ...second.slice(0, 20)];
    const b = [...second.slice(20), ...first.slice(20)];
    expect(await Promise.all([runBatch(a), runBatch(b)])).toEqual([[], []]);
    const statuses = await statusesOf([...first, ...second]);
    expect(statuses.filter((s) => s === 'SENT')).toHaveLength(40);
    expect(statuses.filter((s) => s === 'NO_CREDIT')).toHaveLength(40);
    const got = await deliveredTo(users.map((u) => u.openid));
    expect(new Set(got.map((d) => d.touser)).size).toBe(40);
    expect(got).toHaveLength(40);
  });
});
