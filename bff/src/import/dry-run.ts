import { createHash } from 'node:crypto';
import { beijingDay } from '../beijing.js';
import { refuseRetiredCommunity } from '../access/community-retired.js';
import { requireRole } from '../access/guards.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { SHEETS } from './columns.js';
import { planArrears } from './arrears.js';
import { fingerprint } from './fingerprint.js';
import { diff, type Counts, type Diff } from './plan.js';
import { readImportFile } from './read-file.js';
import { validate, type RowError } from './validate.js';

/** How long a dry run may be applied after it was made (docs/import.md, Rules). */
export const APPLY_WITHIN_MS = 30 * 60_000;
/** The report lists at most this many errors, changes and absent units; the counts are always whole. */
const LIST_LIMIT = 1000;

/** What a dry run answers (and keeps): errors, changes, absent units and counts (docs/import.md, Rules). */
export type ImportReport = {
  errorCount: number;
  errors: RowError[];
  counts: Diff['counts'] & { absentUnits: number; arrears: Counts; arrearsFen: number };
  changes: Diff['changes'];
  absent: Diff['absent'];
  /** Sales the owners sheet records (its 过户日期), before → after; absent from reports made before them. */
  transfers?: Diff['transfers'];
  sheets: string[];
};

const sheetOrder = (name: string) => SHEETS.findIndex((s) => s.name === name);

/** Who may import into a community: an administrator of the company that runs it. */
export const requireImporter = (deps: Deps, userId: string, communityId: string) =>
  requireRole(deps.db, userId, communityId, ['COMPANY_ADMIN'], '小区');

/**
 * Reads the file, checks every row and compares it with the community, and keeps the result as an
 * import run: the report, and — only when nothing is wrong — the plan that applying will write.
 */
export async function dryRunImport(
  deps: Deps,
  userId: string,
  communityId: string,
  file: { body: Buffer; filename: string | null },
) {
  await requireImporter(deps, userId, communityId);
  await refuseRetiredCommunity(deps.db, communityId, '不能再导入资料');
  const sheets = await readImportFile(file.body);
  const { records, errors } = validate(sheets);
  // Read before the data it names: a change in between makes applying refuse, never write blind.
  const fp = await fingerprint(deps.sql, communityId);
  const d = await diff(deps.db, communityId, records, beijingDay(deps.clock.now()));
  const arrears = await planArrears(deps.db, {
    communityId,
    now: deps.clock.now(),
    rows: records.arrears,
    unitId: d.unitIdOf,
    buildingType: d.buildingTypeOf,
    retired: d.retiredUnitIds,
  });
  d.plan.bills = { create: arrears.create };
  const allErrors = [...errors, ...d.errors, ...arrears.errors].sort(
    (a, b) => sheetOrder(a.sheet) - sheetOrder(b.sheet) || a.row - b.row,
  );
  const report: ImportReport = {
    errorCount: allErrors.length,
    errors: allErrors.slice(0, LIST_LIMIT),
    counts: { ...d.counts, absentUnits: d.absent.length, arrears: arrears.counts, arrearsFen: arrears.addedFen },
    changes: d.changes.slice(0, LIST_LIMIT),
    absent: d.absent.slice(0, LIST_LIMIT),
    transfers: d.transfers.slice(0, LIST_LIMIT),
    sheets: [...sheets.keys()],
  };
  // Written through node-postgres: a plan of 50,000 rows is one JSON text here, where Prisma took a minute.
  const { rows } = await deps.sql.query<{ id: string }>(
    `INSERT INTO "ImportRun" ("communityId", "createdById", "createdAt", "fileName", "fileSha256", fingerprint,
       "errorCount", report, plan)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb) RETURNING id`,
    [
      communityId,
      userId,
      deps.clock.now(),
      file.filename ?? '导入文件',
      createHash('sha256').update(file.body).digest('hex'),
      fp,
      allErrors.length,
      JSON.stringify(report),
      allErrors.length === 0 ? JSON.stringify(d.plan) : null,
    ],
  );
  const run = rows[0]!;
  return view({
    id: run.id,
    createdAt: deps.clock.now(),
    appliedAt: null,
    fileName: file.filename ?? '导入文件',
    report,
  });
}

function view(run: { id: string; createdAt: Date; appliedAt: Date | null; fileName: string; report: unknown }) {
  const report = run.report as { errorCount: number };
  return {
    id: run.id,
    fileName: run.fileName,
    createdAt: run.createdAt.toISOString(),
    applyBefore: new Date(run.createdAt.getTime() + APPLY_WITHIN_MS).toISOString(),
    appliedAt: run.appliedAt?.toISOString() ?? null,
    canApply: report.errorCount === 0 && run.appliedAt === null,
    ...(run.report as ImportReport),
  };
}

/** A dry run's report again (the console reloading it): only its author sees it. */
export async function getImport(deps: Deps, userId: string, id: string) {
  const run = await deps.db.importRun.findFirst({
    where: { id, createdById: userId },
    select: { id: true, communityId: true, createdAt: true, appliedAt: true, fileName: true, report: true },
  });
  if (!run) throw notFound('导入记录');
  await requireRole(deps.db, userId, run.communityId, ['COMPANY_ADMIN'], '导入记录');
  return view(run);
}
