/**
 * One error type, and the only table from machine code to HTTP status (docs/conventions.md rule 2).
 * Services throw AppError; the error middleware renders `{ code, message, details? }`.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  CONTENT_RISKY: 422,
  WECHAT_CODE_INVALID: 400,
  WECHAT_CODE_USED: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  OWN_REQUEST: 403,
  WECHAT_USER_BLOCKED: 403,
  DESK_STAFF_ONLY: 403,
  DESK_SCAN_REQUIRED: 403,
  NOT_AN_OWNER: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PHONE_REQUIRED: 409,
  ALREADY_BOUND: 409,
  PHONE_TAKEN: 409,
  ALREADY_DECIDED: 409,
  TOO_MANY_PENDING: 409,
  BILLS_NOT_PAYABLE: 409,
  BILLS_IN_PAYMENT: 409,
  SELLER_BILL: 409,
  REFUND_EXCEEDS_PAID: 409,
  RECONCILE_FAILED: 409,
  DESK_TICKET_USED: 409,
  ELECTION_NOT_OPEN: 409,
  NOTICE_PERIOD: 409,
  ELECTION_NOT_CLOSED: 409,
  ALREADY_VOTED: 409,
  DEVELOPER_HELD: 409,
  KEY_SPANS_UNITS: 409,
  REVIEW_PENDING: 409,
  VOTING_PERIOD: 409,
  ROSTER_NOT_CONFIRMED: 409,
  DESK_TICKET_CANCELLED: 409,
  DESK_TICKET_STATE: 409,
  DESK_CODE_MISMATCH: 409,
  DESK_TICKET_EXPIRED: 410,
  INVITATION_EXPIRED: 410,
  /** People and roles (docs/roles.md) */
  ROLE_NOT_GRANTABLE: 403,
  OWN_ROLE: 403,
  ROLE_HELD: 409,
  LAST_ADMIN: 409,
  INVITATION_PENDING: 409,
  INVITATION_UNCONFIRMED: 409,
  INVITATION_CLOSED: 409,
  /** Master data (docs/master-data.md) */
  MASTER_DUPLICATE: 409,
  MASTER_RETIRED: 409,
  MASTER_IN_USE: 409,
  /** Owners and households (docs/roles.md, Owners and households) */
  TRANSFER_SAME_OWNERS: 409,
  TRANSFER_OUT_OF_ORDER: 409,
  OWNER_DECIDES: 409,
  IMPORT_EXPIRED: 410,
  IMPORT_HAS_ERRORS: 409,
  IMPORT_STALE: 409,
  IMPORT_APPLIED: 409,
  IMPORT_TOO_LARGE: 413,
  IMPORT_FILE_INVALID: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IMAGE_TYPE_UNSUPPORTED: 415,
  IMAGE_HEIC_UNSUPPORTED: 415,
  IMAGE_UNREADABLE: 415,
  WECHAT_RATE_LIMITED: 429,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  WECHAT_UNAVAILABLE: 502,
  WECHAT_MISCONFIGURED: 502,
  WECHAT_PAY_FAILED: 502,
  PAYMENT_UNAVAILABLE: 503,
  DEPENDENCY_DOWN: 503,
  /** An API instance draining before it stops: a GET answered so by http/drain.ts, nginx asks another instance. */
  SHUTTING_DOWN: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what = '资源') => new AppError('NOT_FOUND', `${what}不存在`);
export const forbidden = (message = '没有权限执行此操作') => new AppError('FORBIDDEN', message);

/** Prisma's unique-constraint violation, mapped to a conflict once (docs/conventions.md rule 3). */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'P2002';
}

/**
 * The SQLSTATE of a failed statement, however it arrives: node-postgres's `code`, Prisma's `meta.code`, or —
 * Prisma 6 with the pg driver adapter, a raw statement failing as P2010 — `meta.driverAdapterError.cause`
 * (its `originalCode`, else its `kind` for the two conflicts the adapter names).
 */
export function sqlState(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as {
    code?: unknown;
    meta?: { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } };
  };
  if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && !e.code.startsWith('P')) return e.code;
  if (typeof e.meta?.code === 'string') return e.meta.code;
  const cause = e.meta?.driverAdapterError?.cause;
  if (typeof cause?.originalCode === 'string') return cause.originalCode;
  if (cause?.kind === 'TransactionWriteConflict') return '40001';
  if (cause?.kind === 'UniqueConstraintViolation') return '23505';
  return undefined;
}

/**
 * A concurrent writer got there first — serialization failure, deadlock or unique violation, as the database
 * or Prisma (P2034 write conflict, P2002 unique) reports it: the caller's snapshot is stale, try again.
 */
export function isWriteConflict(err: unknown): boolean {
  const prisma = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return prisma === 'P2034' || prisma === 'P2002' || ['40001', '40P01', '23505'].includes(sqlState(err) ?? '');
}
