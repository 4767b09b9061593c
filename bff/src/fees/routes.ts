import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { ZCommunityParams, ZId, ZIdParams } from '../http/params.js';
import { createFeeItem, listFeeItems, retireFeeItem } from './fee-items.js';
import { generateBills, previewBills } from './generate-bills.js';
import { listBillingConflicts, ZConflictQuery } from './billing-conflicts.js';
import { listBillingRuns, undoBillingRun, ZRunListQuery, ZUndoRun } from './billing-runs.js';
import { billSummary, listStaffUnitBills, listUnitBills } from './resident-bills.js';
import { ZBillingRequest, ZBillListQuery, ZFeeSettings, ZNewFeeItem, ZWaive } from './schema.js';
import { getFeeSettings, putFeeSettings } from './fee-settings.js';
import { waiveBill } from './waive.js';
import { exportArrears, listArrears, ZArrearsExport, ZArrearsQuery } from './arrears.js';
import { collectionReport, communitiesCollection, takingsReport, ZCollectionQuery, ZTakingsQuery } from './reports.js';
import { exportCollection, exportTakings, ZCollectionExport, ZTakingsExport } from './report-exports.js';
import type { ExportFile } from './export.js';
import { listArrearsReminders, sendArrearsReminders, ZReminderQuery, ZReminders } from './reminders.js';
import type { AppContext } from '../http/context.js';
import { approveVoid, rejectVoid, ZVoidRejection } from './counter-voids.js';
import {
  getCounterPayment,
  requestVoid,
  takeCounterPayment,
  ZCounterPayment,
  ZVoidRequest,
} from './counter-payments.js';
import { searchCounterUnits, ZCounterUnitQuery } from './counter-units.js';
import { listCounterPayments, ZCounterPaymentQuery } from './counter-payment-list.js';

const ZItemParams = ZCommunityParams.extend({ itemId: ZId });
const ZRunParams = ZCommunityParams.extend({ runId: ZId });

/** An export as a download (Content-Disposition with the Chinese file name, RFC 6266 encoded by Koa). */
function sendFile(ctx: AppContext, file: ExportFile) {
  ctx.type = file.type;
  ctx.attachment(file.filename);
  ctx.body = file.body;
}

export function feeRoutes(deps: Deps) {
  const router = createRouter('/api');
  router.use(requireSession(deps.sessions));
  router.get('/bills/summary', async (ctx) => {
    ctx.body = await billSummary(deps, userIdOf(ctx));
  });
  router.get('/bills', async (ctx) => {
    ctx.body = await listUnitBills(deps, userIdOf(ctx), ZBillListQuery.parse(ctx.query));
  });
  router.get('/staff/communities/:communityId/bills', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await listStaffUnitBills(deps, userIdOf(ctx), communityId, ZBillListQuery.parse(ctx.query));
  });
  router.get('/staff/communities/:communityId/arrears', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await listArrears(deps, userIdOf(ctx), communityId, ZArrearsQuery.parse(ctx.query));
  });
  router.get('/staff/communities/:communityId/arrears/export', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    sendFile(ctx, await exportArrears(deps, userIdOf(ctx), communityId, ZArrearsExport.parse(ctx.query)));
  });
  router.post('/staff/communities/:communityId/arrears/reminders', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await sendArrearsReminders(deps, userIdOf(ctx), communityId, ZReminders.parse(ctx.request.body));
  });
  router.get('/staff/communities/:communityId/arrears/reminders', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await listArrearsReminders(deps, userIdOf(ctx), communityId, ZReminderQuery.parse(ctx.query));
  });
  router.get('/staff/communities/:communityId/reports/takings', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await takingsReport(deps, userIdOf(ctx), communityId, ZTakingsQuery.parse(ctx.query));
  });
  router.get('/staff/communities/:communityId/reports/takings/export', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    sendFile(ctx, await exportTakings(deps, userIdOf(ctx), communityId, ZTakingsExport.parse(ctx.query)));
  });
  router.get('/staff/communities/:communityId/reports/collection', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await collectionReport(deps, userIdOf(ctx), communityId, ZCollectionQuery.parse(ctx.query));
  });
  router.get('/staff/communities/:communityId/reports/collection/export', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    sendFile(ctx, await exportCollection(deps, userIdOf(ctx), communityId, ZCollectionExport.parse(ctx.query)));
  });
  router.get('/staff/reports/collection', async (ctx) => {
    ctx.body = await communitiesCollection(deps, userIdOf(ctx), ZCollectionQuery.parse(ctx.query));
  });
  router.get('/staff/communities/:communityId/fee-items', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await listFeeItems(deps, userIdOf(ctx), communityId);
  });
  router.post('/staff/communities/:communityId/fee-items', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.status = 201;
    ctx.body = await createFeeItem(deps, userIdOf(ctx), communityId, ZNewFeeItem.parse(ctx.request.body));
  });
  router.post('/staff/communities/:communityId/fee-items/:itemId/retire', async (ctx) => {
    const { communityId, itemId } = ZItemParams.parse(ctx.params);
    ctx.body = await retireFeeItem(deps, userIdOf(ctx), communityId, itemId);
  });
  router.get('/staff/communities/:communityId/fee-settings', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await getFeeSettings(deps, userIdOf(ctx), communityId);
  });
  router.put('/staff/communities/:communityId/fee-settings', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await putFeeSettings(deps, userIdOf(ctx), communityId, ZFeeSettings.parse(ctx.request.body));
  });
  router.post('/staff/communities/:communityId/billing/preview', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await previewBills(deps, userIdOf(ctx), communityId, ZBillingRequest.parse(ctx.request.body));
  });
  router.post('/staff/communities/:communityId/billing/runs', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await generateBills(deps, userIdOf(ctx), communityId, ZBillingRequest.parse(ctx.request.body));
  });
  router.get('/staff/communities/:communityId/billing/runs', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await listBillingRuns(deps, userIdOf(ctx), communityId, ZRunListQuery.parse(ctx.query));
  });
  router.post('/staff/communities/:communityId/billing/runs/:runId/undo', async (ctx) => {
    const { communityId, runId } = ZRunParams.parse(ctx.params);
    const { reason } = ZUndoRun.parse(ctx.request.body);
    ctx.body = await undoBillingRun(deps, userIdOf(ctx), communityId, runId, reason);
  });
  router.get('/staff/communities/:communityId/billing/conflicts', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await listBillingConflicts(deps, userIdOf(ctx), communityId, ZConflictQuery.parse(ctx.query));
  });
  router.post('/staff/communities/:communityId/counter-payments', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.status = 201;
    ctx.body = await takeCounterPayment(deps, userIdOf(ctx), communityId, ZCounterPayment.parse(ctx.request.body));
  });
  router.get('/staff/communities/:communityId/counter-payments', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await listCounterPayments(deps, userIdOf(ctx), communityId, ZCounterPaymentQuery.parse(ctx.query));
  });
  router.get('/staff/communities/:communityId/counter/units', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await searchCounterUnits(deps, userIdOf(ctx), communityId, ZCounterUnitQuery.parse(ctx.query));
  });
  router.get('/staff/counter-payments/:id', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await getCounterPayment(deps, userIdOf(ctx), id);
  });
  router.post('/staff/counter-payments/:id/void', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await requestVoid(deps, userIdOf(ctx), id, ZVoidRequest.parse(ctx.request.body).reason);
  });
  router.post('/staff/counter-payments/:id/void/approve', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await approveVoid(deps, userIdOf(ctx), id);
  });
  router.post('/staff/counter-payments/:id/void/reject', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await rejectVoid(deps, userIdOf(ctx), id, ZVoidRejection.parse(ctx.request.body).reason);
  });
  router.post('/staff/bills/:id/waive', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await waiveBill(deps, userIdOf(ctx), id, ZWaive.parse(ctx.request.body).reason);
  });
  return router;
}
