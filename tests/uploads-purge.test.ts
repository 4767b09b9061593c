import { describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { purgeUnclaimedUploads } from '../bff/src/uploads/purge-unclaimed.js';
import { useHarness } from './support/use-harness.js';
import { resident } from './support/actors.js';
import { makeCommunity } from './support/factories/index.js';
import { multipart, phonePhoto } from './support/images.js';

/** Time moves, nobody sleeps: the BFF and the in-process worker share a clock the test advances. */
const clock = new ManualClock(new Date('2026-11-29T02:00:00Z'));
const h = useHarness({ clock, worker: true });

describe('unclaimed uploads', () => {
  it('are removed a day later by the purge job, files and rows; claimed ones stay; a second run changes nothing', async () => {
    const site = await makeCommunity(h.db, { units: 1 });
    const owner = await resident(h, site.units[0]!);
    const send = async () => {
      const { body, contentType } = multipart(await phonePhoto({ width: 120, height: 90 }));
      return (await owner.call('POST', '/api/uploads', { raw: body, headers: { 'content-type': contentType } })).body;
    };
    const abandoned = await send();
    const kept = await send();
    await h.db.upload.update({
      where: { id: kept.id },
      data: { claimedAt: clock.now(), claimKind: 'test', claimId: crypto.randomUUID() },
    });
    const row = await h.db.upload.findUniqueOrThrow({ where: { id: abandoned.id } });

    clock.advance(23 * 3600 * 1000);
    expect(await h.runJob(purgeUnclaimedUploads, {})).toBe('completed');
    expect(await h.db.upload.findUnique({ where: { id: abandoned.id } })).not.toBeNull();

    clock.advance(2 * 3600 * 1000);
    expect(await h.runJob(purgeUnclaimedUploads, {})).toBe('completed');
    expect(await h.db.upload.findUnique({ where: { id: abandoned.id } })).toBeNull();
    expect(await h.deps.storage.get(row.storageKey)).toBeNull();
    expect(await h.deps.storage.get(row.thumbKey!)).toBeNull();
    expect(await h.db.upload.findUnique({ where: { id: kept.id } })).not.toBeNull();
    expect(await h.runJob(purgeUnclaimedUploads, {})).toBe('completed');
  });
});
