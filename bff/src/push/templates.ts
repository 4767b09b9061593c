import type { KeywordType } from './fit.js';

/**
 * Every subscribe-message template of the mini-program, in one place: its id (from the WeChat admin
 * console), the page a tap opens, and each keyword with its WeChat type. `fields` maps our value
 * names to keywords, so callers pass `{ title, category }` and never WeChat's `thing1`.
 */
export type Template = {
  id: string;
  page: string;
  keywords: Record<string, KeywordType>;
  fields: Record<string, string>;
};

export const TEMPLATES = {
  noticePublished: {
    id: 'T_NOTICE_PUBLISHED_01',
    page: 'pages/notices/detail',
    keywords: { thing1: 'thing', phrase2: 'phrase', time3: 'time' },
    fields: { title: 'thing1', category: 'phrase2', publishedAt: 'time3' },
  },
  repairAccepted: {
    id: 'T_REPAIR_ACCEPTED_01',
    page: 'pages/repairs/detail',
    keywords: { character_string1: 'character_string', thing2: 'thing', time3: 'time' },
    fields: { number: 'character_string1', summary: 'thing2', acceptedAt: 'time3' },
  },
  repairResolved: {
    id: 'T_REPAIR_RESOLVED_01',
    page: 'pages/repairs/detail',
    keywords: { character_string1: 'character_string', thing2: 'thing', time3: 'time' },
    fields: { number: 'character_string1', summary: 'thing2', resolvedAt: 'time3' },
  },
  /**
   * To a repair's author: the technician proposes a later appointment for them to agree to in the app
   * (docs/domain.md §1, appointments); opens the repair, where they answer.
   */
  repairAppointmentProposed: {
    id: 'T_REPAIR_APPOINTMENT_01',
    page: 'pages/repairs/detail',
    keywords: { character_string1: 'character_string', time2: 'time', thing3: 'thing' },
    fields: { number: 'character_string1', appointmentAt: 'time2', reason: 'thing3' },
  },
  /** To staff: a repair missed a deadline (or climbed a step of the escalation chain). */
  repairOverdue: {
    id: 'T_REPAIR_OVERDUE_01',
    page: 'pages/repairs/detail',
    keywords: { character_string1: 'character_string', phrase2: 'phrase', thing3: 'thing', time4: 'time' },
    fields: { number: 'character_string1', clock: 'phrase2', summary: 'thing3', dueAt: 'time4' },
  },
  /**
   * To staff: a complaint missed its triage or first-contact clock (docs/domain.md §8); opens the overdue
   * board until the staff pages have a complaint screen of their own.
   */
  complaintOverdue: {
    id: 'T_COMPLAINT_OVERDUE_01',
    page: 'packages/staff/overdue/index',
    keywords: { phrase1: 'phrase', thing2: 'thing', time3: 'time' },
    fields: { clock: 'phrase1', summary: 'thing2', dueAt: 'time3' },
  },
  paymentSucceeded: {
    id: 'T_PAYMENT_SUCCEEDED_01',
    page: 'packages/fees/receipt',
    keywords: { amount1: 'amount', thing2: 'thing', time3: 'time' },
    fields: { amountFen: 'amount1', item: 'thing2', paidAt: 'time3' },
  },
  /** To owners of a unit in arrears: a written reminder with a deadline (docs/domain.md §4); opens their bills. */
  arrearsReminder: {
    id: 'T_ARREARS_REMINDER_01',
    page: 'pages/fees/index',
    keywords: { amount1: 'amount', thing2: 'thing', time3: 'time', thing4: 'thing' },
    fields: { amountFen: 'amount1', items: 'thing2', payBy: 'time3', note: 'thing4' },
  },
  electionOpened: {
    id: 'T_ELECTION_OPENED_01',
    page: 'packages/committee/votes/detail',
    keywords: { thing1: 'thing', time2: 'time' },
    fields: { title: 'thing1', closesAt: 'time2' },
  },
  /** To owners who have not voted yet: the vote closes soon. */
  electionClosing: {
    id: 'T_ELECTION_CLOSING_01',
    page: 'packages/committee/votes/detail',
    keywords: { thing1: 'thing', time2: 'time' },
    fields: { title: 'thing1', closesAt: 'time2' },
  },
  /**
   * To the election's voters: the results are published. Its own template, asked for after casting and
   * while a vote is announced, so the committee's other notices cannot use up the credit (review finding 5).
   */
  electionResults: {
    id: 'T_ELECTION_RESULTS_01',
    page: 'packages/committee/votes/detail',
    keywords: { thing1: 'thing', time2: 'time' },
    fields: { title: 'thing1', publishedAt: 'time2' },
  },
  /**
   * To the verified members of a survey's units: it is open (docs/domain.md §8, survey pushes); asked for
   * on the surveys page together with the reminder.
   */
  surveyOpened: {
    id: 'T_SURVEY_OPENED_01',
    page: 'packages/voice/surveys/detail',
    keywords: { thing1: 'thing', time2: 'time' },
    fields: { title: 'thing1', closesAt: 'time2' },
  },
  /** To the members of a survey's units not answered yet: once, a day before it closes. */
  surveyClosing: {
    id: 'T_SURVEY_CLOSING_01',
    page: 'packages/voice/surveys/detail',
    keywords: { thing1: 'thing', time2: 'time' },
    fields: { title: 'thing1', closesAt: 'time2' },
  },
  /**
   * To the resident who filed a complaint: triaged to a department, a public progress note, or reopened
   * for them (docs/domain.md §8, complaint pushes); asked for right after filing.
   */
  complaintProgress: {
    id: 'T_COMPLAINT_PROGRESS_01',
    page: 'packages/voice/complaints/detail',
    keywords: { thing1: 'thing', phrase2: 'phrase', thing3: 'thing', time4: 'time' },
    fields: { summary: 'thing1', state: 'phrase2', note: 'thing3', at: 'time4' },
  },
  /** To the resident who filed it: the department says it is done — please confirm (satisfied or not). */
  complaintDone: {
    id: 'T_COMPLAINT_DONE_01',
    page: 'packages/voice/complaints/detail',
    keywords: { thing1: 'thing', thing2: 'thing', time3: 'time' },
    fields: { summary: 'thing1', note: 'thing2', answerBy: 'time3' },
  },
} as const satisfies Record<string, Template>;

export type TemplateKey = keyof typeof TEMPLATES;

export const templateById = (id: string): [TemplateKey, Template] | undefined =>
  (Object.entries(TEMPLATES) as [TemplateKey, Template][]).find(([, t]) => t.id === id);
