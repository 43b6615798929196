import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

type Body = Record<string, unknown> | unknown[] | undefined;

/**
 * Behaves like the web app: keeps cookies, fetches the CSRF token from /api/auth/session and sends it
 * as X-CSRF-Token on every state-changing request.
 */
export class TestClient {
  cookies = new Map<string, string>();
  csrf: string | null = null;
  lang = 'zh-CN';
  ip = '127.0.0.1';

  constructor(private readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keepCookies(res: LightMyRequestResponse): void {
    for (const c of res.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const expired = (c.expires && c.expires.getTime() <= Date.now()) || c.maxAge === 0 || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: Body,
    headers: Record<string, string> = {},
  ) {
    const res = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        'accept-language': this.lang,
        ...(this.cookies.size ? { cookie: this.cookieHeader() } : {}),
        ...(method !== 'GET' && this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as Record<string, unknown> } : {}),
    });
    this.keepCookies(res);
    return res;
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: Body, headers?: Record<string, string>) =>
    this.request('POST', url, body ?? {}, headers);
  put = (url: string, body?: Body) => this.request('PUT', url, body ?? {});
  patch = (url: string, body?: Body) => this.request('PATCH', url, body ?? {});
  delete = (url: string) => this.request('DELETE', url);

  /** Load the session state as the web app does on start: gets the CSRF token. */
  async refreshSession() {
    const res = await this.get('/api/auth/session');
    const body = res.json<{ csrfToken: string | null }>();
    this.csrf = body.csrfToken;
    return res;
  }
}
