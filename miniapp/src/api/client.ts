import { humanToast } from '../features/errors/human-errors';

/**
 * The only caller of the network (docs/conventions.md rule 9). It adds the session token, turns every failure
 * into a typed ApiError (and a toast unless asked not to), and on an expired session logs in again
 * once and repeats the request.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * `upload`: send the local file at `filePath` as multipart field `name` (Taro.uploadFile) instead of
 * JSON; `fileName`, when known, travels as a form field (WeChat sends a temporary name).
 */
export type Upload = { filePath: string; name: string; fileName?: string };
export type TransportRequest = {
  url: string;
  method: string;
  header: Record<string, string>;
  data?: unknown;
  upload?: Upload;
};
export type TransportResponse = { statusCode: number; data: unknown };
export type Transport = (req: TransportRequest) => Promise<TransportResponse>;

export type TokenStore = { get(): string | null; set(token: string | null): void };

/**
 * `silent`: no toast on failure. Reads are silent by default — the page shows their error (PageShell),
 * and a toast on top would say it twice; actions (POST) toast unless told not to.
 */
export type RequestOptions = {
  body?: unknown;
  query?: Record<string, string | undefined>;
  auth?: boolean;
  silent?: boolean;
  upload?: Upload;
};

export type ApiClientDeps = {
  baseUrl: string;
  transport: Transport;
  tokens: TokenStore;
  /** Gets a fresh session (wx.login in WeChat; the dev login in H5); returns the new token. */
  relogin: () => Promise<string>;
  toast: (message: string) => void;
};

const SESSION_CODES = new Set(['SESSION_EXPIRED', 'UNAUTHENTICATED']);

function toApiError(res: TransportResponse): ApiError {
  const body = (res.data ?? {}) as { code?: unknown; message?: unknown; details?: unknown };
  if (typeof body.code === 'string' && typeof body.message === 'string') {
    return new ApiError(body.code, body.message, res.statusCode, body.details);
  }
  return new ApiError('HTTP_ERROR', `服务暂时不可用（${res.statusCode}）`, res.statusCode);
}

export function createApiClient(deps: ApiClientDeps) {
  let relogging: Promise<string> | null = null;
  /** Concurrent requests that all meet an expired session share one re-login. */
  const reloginOnce = () => (relogging ??= deps.relogin().finally(() => (relogging = null)));

  async function send(
    method: string,
    path: string,
    opts: RequestOptions,
    token: string | null,
  ): Promise<TransportResponse> {
    const query = Object.entries(opts.query ?? {}).filter((e): e is [string, string] => e[1] !== undefined);
    const qs = query.length
      ? `?${query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`
      : '';
    // An upload's multipart header (with its boundary) is the uploader's to set.
    const header: Record<string, string> = opts.upload ? {} : { 'content-type': 'application/json' };
    if (token) header.authorization = `Bearer ${token}`;
    try {
      return await deps.transport({
        url: `${deps.baseUrl}${path}${qs}`,
        method,
        header,
        data: opts.body,
        ...(opts.upload ? { upload: opts.upload } : {}),
      });
    } catch {
      throw new ApiError('NETWORK', '网络异常，请检查网络后重试', 0);
    }
  }

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const auth = opts.auth ?? true;
    try {
      let res = await send(method, path, opts, auth ? deps.tokens.get() : null);
      if (auth && res.statusCode === 401 && SESSION_CODES.has(toApiError(res).code)) {
        let token: string;
        try {
          token = await reloginOnce();
        } catch (err) {
          deps.tokens.set(null);
          throw err instanceof ApiError ? err : new ApiError('SESSION_EXPIRED', '登录已失效，请重新登录', 401);
        }
        res = await send(method, path, opts, token);
      }
      if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T;
      throw toApiError(res);
    } catch (err) {
      if (!(opts.silent ?? method === 'GET') && err instanceof ApiError) deps.toast(humanToast(err)); // never the server's own text
      throw err;
    }
  }

  return {
    request,
    get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, opts),
    post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, { ...opts, body }),
    /** A local file (a chosen photo or PDF) as multipart field `file`, with the same session and re-login. */
    upload: <T>(path: string, filePath: string, fileName?: string) =>
      request<T>('POST', path, { upload: { filePath, name: 'file', ...(fileName ? { fileName } : {}) } }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
