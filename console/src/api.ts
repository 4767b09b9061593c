/** The console's one request layer: same origin as the BFF, the desk session's bearer token, Chinese errors. */
const TOKEN = 'wyt-console-token';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const token = {
  get: () => sessionStorage.getItem(TOKEN),
  set: (t: string) => sessionStorage.setItem(TOKEN, t),
  clear: () => sessionStorage.removeItem(TOKEN),
};

/** Called when the BFF says the session is gone: the shell goes back to the login. */
let onSignedOut: () => void = () => undefined;
export const whenSignedOut = (fn: () => void) => {
  onSignedOut = fn;
};

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  const t = token.get();
  if (t) headers.authorization = `Bearer ${t}`;
  const form = body instanceof FormData; // a multipart upload: the browser writes its own content-type
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined || form ? body : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  if (res.ok) return res;
  const answer = (await res.json().catch(() => ({}))) as {
    code?: string;
    message?: string;
    details?: { message: string }[];
  };
  const message = answer.details?.[0]?.message ?? answer.message ?? `请求失败（${res.status}）`;
  if (answer.code === 'SESSION_EXPIRED' || answer.code === 'UNAUTHENTICATED') {
    token.clear();
    onSignedOut();
  }
  throw new ApiError(res.status, answer.code ?? 'UNKNOWN', message);
}

export const api = {
  get: async <T>(path: string) => (await (await send('GET', path)).json()) as T,
  post: async <T>(path: string, body: unknown = {}) => (await (await send('POST', path, body)).json()) as T,
  put: async <T>(path: string, body: unknown) => (await (await send('PUT', path, body)).json()) as T,
  patch: async <T>(path: string, body: unknown) => (await (await send('PATCH', path, body)).json()) as T,
  delete: async <T>(path: string) => (await (await send('DELETE', path)).json()) as T,
  /** A streamed export as a file download (the bearer token cannot ride on a plain link). */
  async download(path: string) {
    const res = await send('GET', path);
    const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = name ? decodeURIComponent(name) : 'export';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};

export const yuan = (fen: number) =>
  `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** A time as read in Beijing, whatever the desk computer's zone. */
export const beijingTime = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
