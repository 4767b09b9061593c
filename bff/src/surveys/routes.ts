import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { ZCommunityParams, ZIdParams } from '../http/params.js';
import { ZCreateSurvey, ZRespond } from './schema.js';
import { createSurvey, respond, surveyResults } from './surveys.js';
import { listSurveys, ZSurveyListQuery } from './list.js';
import { getMySurvey, listMySurveys } from './mine.js';
import { listSurveyTemplates, saveSurveyTemplate, ZSaveTemplate } from './templates.js';

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
  router.get('/surveys', async (ctx) => {
    ctx.body = await listMySurveys(deps, userIdOf(ctx));
  });
  router.get('/surveys/:id', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await getMySurvey(deps, userIdOf(ctx), id);
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
  // 意见征询: the committee's own surveys (docs/domain.md §8), built, listed and read by its members.
  router.post('/committee/communities/:communityId/surveys', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    const input = ZCreateSurvey.parse(ctx.request.body);
    ctx.status = 201;
    ctx.body = await createSurvey(deps, userIdOf(ctx), communityId, input, 'committee');
  });
  router.get('/committee/communities/:communityId/surveys', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await listSurveys(deps, userIdOf(ctx), communityId, ZSurveyListQuery.parse(ctx.query), 'committee');
  });
  router.get('/committee/surveys/:id/results', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await surveyResults(deps, userIdOf(ctx), id, 'committee');
  });
  // The company's reusable surveys (半年度满意度调查): saved by a company admin, started by the office.
  router.post('/company/survey-templates', async (ctx) => {
    const input = ZSaveTemplate.parse(ctx.request.body);
    ctx.status = 201;
    ctx.body = await saveSurveyTemplate(deps, userIdOf(ctx), input);
  });
  router.get('/staff/communities/:communityId/survey-templates', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await listSurveyTemplates(deps, userIdOf(ctx), communityId);
  });
  return router;
}
