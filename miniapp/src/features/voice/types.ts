/** The BFF's answers for complaints and surveys, imported type-only (zero bytes in the bundle). */
import type { Wire } from '../../../../bff/src/http/wire';
import type { getComplaint, listMyComplaints } from '../../../../bff/src/complaints/view';
import type { getMySurvey, listMySurveys } from '../../../../bff/src/surveys/mine';
import type { respond } from '../../../../bff/src/surveys/surveys';
import type { COMPLAINT_CATEGORIES, DISSATISFIED_REASONS } from '../../../../bff/src/complaints/schema';

export type ComplaintView = Wire<Awaited<ReturnType<typeof getComplaint>>>;
export type ComplaintList = Wire<Awaited<ReturnType<typeof listMyComplaints>>>;
export type MySurveyList = Wire<Awaited<ReturnType<typeof listMySurveys>>>;
export type MySurvey = Wire<Awaited<ReturnType<typeof getMySurvey>>>;
export type SurveyAnswered = Wire<Awaited<ReturnType<typeof respond>>>;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
export type DissatisfiedReason = (typeof DISSATISFIED_REASONS)[number];
/** One answer per question, in order: an option index, indexes, 1–5 stars, or text. */
export type SurveyAnswer = number | number[] | string;
