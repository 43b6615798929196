import type { ErrorCode, ErrorEnvelope } from '@ccc/domain';

/** An error answer of the API, with the server's message already in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields: { path: string; message: string }[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let language = 'zh-CN';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function setApiLanguage(lang: string): void {
  language = lang;
}

async function parseError(res: Response): Promise<ApiError> {
  let body: Partial<ErrorEnvelope> = {};
  try {
    body = (await res.json()) as ErrorEnvelope;
  } catch {
    /* not JSON: a proxy or network error page */
  }
  return new ApiError(
    res.status,
    body.code ?? 'INTERNAL',
    body.message ?? res.statusText,
    body.fields ?? [],
    body.details ?? {},
  );
}

/**
 * The CSRF token for state-changing requests: the session's, or before login the double-submit token.
 * A page opened directly (no session query yet) or a token gone stale (logout, expiry elsewhere) is
 * fetched from /api/auth/session on demand.
 */
async function refreshCsrfToken(): Promise<void> {
  const res = await fetch('/api/auth/session', {
    credentials: 'same-origin',
    headers: { 'accept-language': language },
  });
  if (res.ok) csrfToken = ((await res.json()) as { csrfToken: string | null }).csrfToken;
}

/** Extra request headers, e.g. `X-CCC-Client: web` on 证明查询. */
export type ExtraHeaders = Record<string, string>;

export async function request<T>(
  method: string,
  url: string,
  body?: unknown,
  extraHeaders: ExtraHeaders = {},
): Promise<T> {
  if (method !== 'GET' && !csrfToken) await refreshCsrfToken();
  try {
    return await send<T>(method, url, body, extraHeaders);
  } catch (err) {
    if (!(err instanceof ApiError && err.code === 'CSRF_INVALID')) throw err;
    await refreshCsrfToken();
    return send<T>(method, url, body, extraHeaders);
  }
}

async function send<T>(method: string, url: string, body: unknown, extraHeaders: ExtraHeaders): Promise<T> {
  const headers: Record<string, string> = { ...extraHeaders, 'accept-language': language };
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
  });
  if (!res.ok) throw await parseError(res);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('application/json') ? await res.json() : await res.text()) as T;
}

export const api = {
  get: <T>(url: string, headers?: ExtraHeaders) => request<T>('GET', url, undefined, headers),
  post: <T>(url: string, body: unknown = {}) => request<T>('POST', url, body),
  put: <T>(url: string, body: unknown = {}) => request<T>('PUT', url, body),
  delete: <T>(url: string) => request<T>('DELETE', url),
};

/**
 * Upload with progress (fetch cannot report upload progress): XMLHttpRequest with the same headers.
 */
export async function uploadFile<T>(
  url: string,
  file: File,
  onProgress?: (percent: number) => void,
): Promise<T> {
  if (!csrfToken) await refreshCsrfToken();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept-language', language);
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* empty */
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else {
        const e = (body ?? {}) as Partial<ErrorEnvelope>;
        reject(
          new ApiError(
            xhr.status,
            e.code ?? 'INTERNAL',
            e.message ?? xhr.statusText,
            e.fields ?? [],
            e.details ?? {},
          ),
        );
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'INTERNAL', 'network error'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
