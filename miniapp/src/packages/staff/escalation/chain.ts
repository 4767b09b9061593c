import type { EscalationStep } from '../../../api/types';

/** One step of an escalation chain as the page edits it: minutes as typed, until saved. */
export type StepDraft = Omit<EscalationStep, 'minutes'> & { minutes: string };

export const MAX_STEPS = 5;

export const toDraft = (chain: EscalationStep[]): StepDraft[] =>
  chain.map((s) => ({ ...s, minutes: String(s.minutes) }));

/** The steps as the BFF takes them, or what is wrong with the first step that is not ready, in Chinese. */
export function fromDraft(kind: string, chain: StepDraft[]): { steps: EscalationStep[] } | { problem: string } {
  const steps: EscalationStep[] = [];
  for (const [i, s] of chain.entries()) {
    const at = `${kind}第 ${i + 1} 环节`;
    if (!s.label.trim()) return { problem: `${at}：请填写环节名称` };
    const minutes = Number(s.minutes);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 24 * 60)
      return { problem: `${at}：升级时限须是 1 到 1440 之间的整数分钟` };
    if (s.roles.length + s.userIds.length === 0) return { problem: `${at}：至少要有一个通知对象` };
    steps.push({ ...s, label: s.label.trim(), minutes });
  }
  return { steps };
}

/** The chain with step `i` moved by `by` (−1 up, +1 down); unchanged at either end. */
export function move<T>(chain: T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (j < 0 || j >= chain.length) return chain;
  const next = [...chain];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

/** `x` added to the list, or taken out when it is there. */
export const toggle = <T>(list: T[], x: T): T[] => (list.includes(x) ? list.filter((y) => y !== x) : [...list, x]);
