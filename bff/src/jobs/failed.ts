import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { JOBS_SCHEMA } from './queue.js';

export type FailedJob = {
  id: string;
  name: string;
  data: unknown;
  output: unknown;
  retryCount: number;
  createdOn: Date;
  failedOn: Date | null;
};

/**
 * Jobs that failed after their last retry, newest first, for a company administrator to look at.
 * They stay in pg-boss's tables (then its archive) for a quarter; nothing here changes them. Not paged
 * with keyset(): the rows are pg-boss's, across two tables, read for the latest `limit` by an operator.
 */
export async function listFailedJobs(deps: Deps, userId: string, limit: number): Promise<FailedJob[]> {
  const admin = await deps.db.staffRole.count({ where: { userId, role: 'COMPANY_ADMIN' } });
  if (admin === 0) throw notFound('接口');
  const rows = await deps.db.$queryRawUnsafe<FailedJob[]>(
    `SELECT id::text, name, data, output, retry_count AS "retryCount", created_on AS "createdOn", completed_on AS "failedOn"
       FROM ${JOBS_SCHEMA}.job WHERE state = 'failed'
     UNION ALL
     SELECT id::text, name, data, output, retry_count, created_on, completed_on
       FROM ${JOBS_SCHEMA}.archive WHERE state = 'failed'
     ORDER BY "failedOn" DESC NULLS LAST LIMIT $1`,
    limit,
  );
  return rows;
}
