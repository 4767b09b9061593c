import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { ZCommunityParams, ZIdParams } from '../http/params.js';
import { ZCreateSurvey, ZRespond } from './schema.js';
import { createSurvey, respond, surveyResults } from './surveys.js';
import { listSurveys, ZSurveyListQuery } from './list.js';

export function surveyRoutes(deps: Deps) {
  const router = createRouter('/api');
  router.use(requireSession(deps.sessions));
  router.post('/staff/communities/:communityId/surveys', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    const input = ZCreateSurvey.parse(ctx.request.body);
    ctx.status = 201;
    ctx.body = await createSurvey(deps, userIdOf(ctx), communityId, input);
  });
  router.get('/staff/communities/:communityId/surveys', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await listSurveys(deps, userIdOf(ctx), communityId, ZSurveyListQuery.parse(ctx.query));
  });
  router.post('/surveys/:id/responses', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    const input = ZRespond.parse(ctx.request.body);
    ctx.status = 201;
    ctx.body = await respond(deps, userIdOf(ctx), id, input);
  });
  router.get('/staff/surveys/:id/results', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await surveyResults(deps, userIdOf(ctx), id);
  });
  return router;
}
