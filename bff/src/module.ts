import type { Deps, ModerationApplier, UploadAccessCheck } from './deps.js';
import type { AppRouter } from './http/router.js';
import type { JobDefinition, ScheduleDefinition } from './jobs/define.js';

/**
 * A domain as the app and the worker see it. A new domain is one folder exporting one of these,
 * plus one line in modules.ts.
 */
export type Module = {
  name: string;
  routes?: (deps: Deps) => AppRouter;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- jobs of any payload
  jobs?: JobDefinition<any>[];
  schedules?: ScheduleDefinition[];
  /** Paths that take multipart bodies (uploads); every other body must be JSON. */
  multipartPaths?: string[];
  /** Paths whose handler reads the raw bytes itself (signed bodies): no JSON check, no body parser. */
  rawBodyPaths?: string[];
  /** Who may see an upload claimed by a record of this kind (`claimKind` → check on the record). */
  uploadAccess?: Record<string, UploadAccessCheck>;
  /** What a manager's moderation decision does to a record of this kind (`ContentReview.kind`). */
  moderation?: Record<string, ModerationApplier>;
};
