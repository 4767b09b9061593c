import { bff } from '../../session';
import { askForPush } from '../push/ask-for-push';

type Templates = Awaited<ReturnType<typeof bff.pushSubscriptions>>['templates'];

/**
 * Asks, from a tap, for the vote's messages at the moment they matter (docs/wechat.md §4: one accept,
 * one message): "vote opened" and the results while a vote is announced, the results after casting, the
 * closing reminder while open. Without an accept WeChat refuses the push.
 */
export const askForVotePush = (pick: (t: Templates) => string[]) =>
  bff.pushSubscriptions().then(({ templates }) => askForPush(pick(templates)));
