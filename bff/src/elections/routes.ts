import { z } from 'zod';
import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { ZCommunityParams, ZId, ZIdParams } from '../http/params.js';
import {
  ZAdmitVoter,
  ZBallot,
  ZCandidate,
  ZCommitteeNoticeEdit,
  ZNewElection,
  ZPaperBallot,
  ZReceiptParams,
  ZRosterCorrection,
} from './schema.js';
import { addCandidate, removeCandidate } from './candidates.js';
import { editCommitteeNotice, withdrawCommitteeNotice } from './committee-notices.js';
import { ZWithdraw } from '../notices/schema.js';
import { createElection, setDraftDeadline } from './create-election.js';
import { exportInput } from './export-input.js';
import {
  archiveElection,
  closeElection,
  openElection,
  publishElection,
  publishResults,
  tallyElection,
} from './lifecycle.js';
import { correctRosterEntry, recordDeliveries } from './roster.js';
import { admitVoter } from './admit-voter.js';
import { confirmRoster, rosterForCommittee } from './roster-review.js';
import { decideCandidateReview, listCandidateReviews } from './reviews.js';
import { exportableElection } from './runner.js';
import { getElectionForRunner, listCommunityElections } from './view.js';
import { castBallot } from './vote.js';
import { checkReceipt, listResidentElections, residentElection } from './resident-elections.js';
import { enterPaperBallot } from './paper-ballot.js';
import { remindNonVoters } from './remind.js';

const ZDeliveries = z.object({ unitIds: z.array(ZId, '请选择房屋').min(1, '请选择房屋').max(5000) });
const ZCandidateParams = ZIdParams.extend({ candidateId: ZId });
const ZUnitParams = ZIdParams.extend({ unitId: ZId });
const ZReviewParams = ZIdParams.extend({ reviewId: ZId });
const ZDeadline = z.object({ closesAt: z.iso.datetime('截止时间格式不正确') }).strict();
const ZDecision = z.object({ approve: z.boolean('请选择通过或不通过') }).strict();
const STEPS = {
  publish: publishElection,
  open: openElection,
  close: closeElection,
  tally: tallyElection,
  'publish-results': publishResults,
  archive: archiveElection,
} as const;
const ZStep = z.object({ id: ZId, step: z.enum(Object.keys(STEPS) as [keyof typeof STEPS], '不支持的操作') });

/** Committee side under /api/committee (runs the vote), residents' side under /api/elections. */
export function electionRoutes(deps: Deps) {
  const router = createRouter('/api');
  router.use(requireSession(deps.sessions));

  router.get('/committee/communities/:communityId/elections', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await listCommunityElections(deps, userIdOf(ctx), communityId);
  });
  router.post('/committee/communities/:communityId/elections', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.status = 201;
    ctx.body = await createElection(deps, userIdOf(ctx), communityId, ZNewElection.parse(ctx.request.body));
  });
  router.get('/committee/elections/:id', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await getElectionForRunner(deps, userIdOf(ctx), id);
  });
  router.put('/committee/elections/:id/deadline', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await setDraftDeadline(deps, userIdOf(ctx), id, ZDeadline.parse(ctx.request.body).closesAt);
  });
  router.post('/committee/elections/:id/candidates', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.status = 201;
    ctx.body = await addCandidate(deps, userIdOf(ctx), id, ZCandidate.parse(ctx.request.body));
  });
  router.delete('/committee/elections/:id/candidates/:candidateId', async (ctx) => {
    const { id, candidateId } = ZCandidateParams.parse(ctx.params);
    ctx.body = await removeCandidate(deps, userIdOf(ctx), id, candidateId);
  });
  router.get('/committee/elections/:id/reviews', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await listCandidateReviews(deps, userIdOf(ctx), id);
  });
  router.post('/committee/elections/:id/reviews/:reviewId/decision', async (ctx) => {
    const { id, reviewId } = ZReviewParams.parse(ctx.params);
    ctx.body = await decideCandidateReview(
      deps,
      userIdOf(ctx),
      id,
      reviewId,
      ZDecision.parse(ctx.request.body).approve,
    );
  });
  router.get('/committee/elections/:id/roster', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await rosterForCommittee(deps, userIdOf(ctx), id);
  });
  router.post('/committee/elections/:id/roster/confirmation', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await confirmRoster(deps, userIdOf(ctx), id);
  });
  router.put('/committee/elections/:id/roster/:unitId', async (ctx) => {
    const { id, unitId } = ZUnitParams.parse(ctx.params);
    ctx.body = await correctRosterEntry(deps, userIdOf(ctx), id, unitId, ZRosterCorrection.parse(ctx.request.body));
  });
  router.post('/committee/elections/:id/voters', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.status = 201;
    ctx.body = await admitVoter(deps, userIdOf(ctx), id, ZAdmitVoter.parse(ctx.request.body));
  });
  router.post('/committee/elections/:id/steps/:step', async (ctx) => {
    const { id, step } = ZStep.parse(ctx.params);
    ctx.body = await STEPS[step](deps, userIdOf(ctx), id);
  });
  router.post('/committee/elections/:id/paper-ballots', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.status = 201;
    ctx.body = await enterPaperBallot(deps, userIdOf(ctx), id, ZPaperBallot.parse(ctx.request.body));
  });
  router.post('/committee/elections/:id/deliveries', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await recordDeliveries(deps, userIdOf(ctx), id, ZDeliveries.parse(ctx.request.body).unitIds);
  });
  router.post('/committee/elections/:id/reminders', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await remindNonVoters(deps, userIdOf(ctx), id);
  });
  /** The count's input, for anyone on the committee to re-run with `npm run tally` (README). */
  router.get('/committee/elections/:id/export', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    const election = await exportableElection(deps, userIdOf(ctx), id);
    ctx.attachment(`election-${id}.json`);
    ctx.body = await exportInput(deps.db, election);
  });

  router.put('/committee/notices/:id', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await editCommitteeNotice(deps, userIdOf(ctx), id, ZCommitteeNoticeEdit.parse(ctx.request.body));
  });
  router.post('/committee/notices/:id/withdraw', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await withdrawCommitteeNotice(deps, userIdOf(ctx), id, ZWithdraw.parse(ctx.request.body).reason);
  });

  router.get('/elections', async (ctx) => {
    ctx.body = await listResidentElections(deps, userIdOf(ctx));
  });
  router.get('/elections/:id', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await residentElection(deps, userIdOf(ctx), id);
  });
  router.post('/elections/:id/ballots', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.status = 201;
    ctx.body = await castBallot(deps, userIdOf(ctx), id, ZBallot.parse(ctx.request.body));
  });
  router.get('/elections/:id/receipts/:code', async (ctx) => {
    const { id, code } = ZReceiptParams.parse(ctx.params);
    ctx.body = await checkReceipt(deps, userIdOf(ctx), id, code);
  });
  return router;
}
