import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { defineJob } from './define.js';

/** Does nothing: measures the queue itself (npm run bench). */
export const noopJob = defineJob({
  name: 'platform.noop',
  schema: z.object({}).passthrough(),
  handler: async () => {},
  batchSize: 200,
});

/**
 * Proves the queue end to end: each run is counted in `JobProbe.attempts`, its effect (`effects`)
 * is written once however often it runs — the shape every handler follows (a conditional write keyed
 * by what the job is about). `pauseFirstMs` holds the first attempt, so a test can kill its worker.
 */
export const probeJob = defineJob({
  name: 'platform.probe',
  schema: z.object({ key: z.string().min(1).max(100), pauseFirstMs: z.number().int().min(0).max(60_000).optional() }),
  retry: { limit: 3, delaySeconds: 0, backoff: false },
  expireInSeconds: 10,
  batchSize: 50,
  handler: async (deps, { key, pauseFirstMs }) => {
    const [row] = await deps.db.$queryRaw<{ attempts: number }[]>`
      INSERT INTO "JobProbe" ("key", "attempts", "effects", "startedBy") VALUES (${key}, 1, 0, ${process.pid})
      ON CONFLICT ("key") DO UPDATE SET "attempts" = "JobProbe"."attempts" + 1, "startedBy" = ${process.pid}
      RETURNING "attempts"`;
    if (pauseFirstMs && row?.attempts === 1) await sleep(pauseFirstMs);
    await deps.db
      .$executeRaw`UPDATE "JobProbe" SET "effects" = 1, "doneBy" = ${process.pid} WHERE "key" = ${key} AND "effects" = 0`;
  },
});
