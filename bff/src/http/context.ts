import type { ParameterizedContext } from 'koa';
import type { Logger } from '../logger.js';

export type AppState = {
  requestId: string;
  clientRequestId?: string;
  log: Logger;
  userId?: string;
  sessionToken?: string;
  sessionKind?: 'phone' | 'desk';
};
export type AppContext = ParameterizedContext<AppState>;
