import type { Complaint, ComplaintStatus, Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { queuePush } from '../push/outbox.js';
import { summaryOf } from './view.js';

/** The state in the push's five characters (a `phrase`): what the resident reads in WeChat. */
const STATE: Partial<Record<ComplaintStatus, string>> = { TRIAGED: '已分派', IN_PROGRESS: '处理中' };

/**
 * The resident who filed the complaint hears of its progress (docs/domain.md §8, complaint pushes):
 * triaged to a department, a first contact or progress note the resident may see, sent back for
 * re-handling by customer service — as `complaintProgress`; done, please confirm — as `complaintDone`.
 * Written to the outbox in the step's transaction; only someone who subscribed gets it, never for a
 * caller who is not a user, nor for the resident's own answer, nor for an internal note.
 */
export async function pushComplaintStep(
  deps: Deps,
  tx: Prisma.TransactionClient,
  c: Pick<Complaint, 'id' | 'communityId' | 'residentId' | 'kind' | 'category'>,
  step: { action: string; actorId: string; to: ComplaintStatus; note: string | null; public: boolean; at: Date },
  autoCloseAt: Date | null,
) {
  if (!c.residentId || c.residentId === step.actorId || !step.public) return 0;
  const recipients = [{ userId: c.residentId, communityId: c.communityId }];
  const common = { recipients, pageQuery: { id: c.id }, event: { kind: `complaint.${step.action}`, id: c.id } };
  if (step.to === 'DONE')
    return queuePush(deps, tx, {
      ...common,
      template: 'complaintDone',
      values: {
        summary: summaryOf(c),
        note: step.note ?? '已处理完成，请确认是否满意',
        answerBy: autoCloseAt ?? step.at,
      },
    });
  const state = STATE[step.to];
  if (!state) return 0;
  return queuePush(deps, tx, {
    ...common,
    template: 'complaintProgress',
    values: { summary: summaryOf(c), state, note: step.note ?? state, at: step.at },
  });
}
