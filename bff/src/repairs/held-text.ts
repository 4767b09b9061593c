/**
 * A repair's free text while WeChat's content check holds it for review (docs/wechat.md §7, docs/domain.md
 * §1 "Text held for review"): every field that was screened is shown only to its author and the office,
 * who moderate it, until a manager passes it; a rejection replaces every one of them for everyone.
 */
export const HELD_TEXT = '（内容审核中）';
export const REJECTED_TEXT = '（内容未通过审核，已隐藏）';

/** The screened fields, in the order file-repair.ts screens them. */
export type HeldFields = {
  commonArea: string | null;
  part: string;
  phenomenon: string;
  description: string;
  preferredTime: string | null;
};

/** The fields as `sees` may see them: unchanged when passed or for the author and the office. */
export function shownText<T extends Partial<HeldFields> & { textHeld: boolean }>(repair: T, seesHeld: boolean): T {
  if (!repair.textHeld || seesHeld) return repair;
  const hide = <V>(v: V): V | string => (v == null ? v : HELD_TEXT);
  return {
    ...repair,
    commonArea: hide(repair.commonArea),
    part: hide(repair.part),
    phenomenon: hide(repair.phenomenon),
    description: hide(repair.description),
    preferredTime: hide(repair.preferredTime),
  } as T;
}

/** What a rejection writes: every screened field replaced, the absent ones left absent. */
export function rejectedText(repair: HeldFields): HeldFields {
  return {
    commonArea: repair.commonArea == null ? null : REJECTED_TEXT,
    part: REJECTED_TEXT,
    phenomenon: REJECTED_TEXT,
    description: REJECTED_TEXT,
    preferredTime: repair.preferredTime == null ? null : REJECTED_TEXT,
  };
}

/** The text a moderator reads: every screened field that was filled in. */
export const textUnderReview = (r: Partial<HeldFields>): string =>
  [r.commonArea, r.part, r.phenomenon, r.description, r.preferredTime].filter(Boolean).join('；');
