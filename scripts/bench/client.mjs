/** A small cookie-keeping HTTP client that speaks to the API as the web app does (CSRF header). */
export class ApiClient {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.cookies = new Map();
    this.csrf = null;
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(method, path, body) {
    const headers = { accept: 'application/json' };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    const json = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return json;
  }

  async refreshSession() {
    const s = await this.request('GET', '/api/auth/session');
    this.csrf = s.csrfToken;
  }

  async login(username, password) {
    await this.refreshSession();
    const r = await this.request('POST', '/api/auth/login', { username, password });
    this.csrf = r.csrfToken;
  }
}

const ORG_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** A valid 9-character organisation code (GB 11714) built from a number. */
export function orgCode9(n) {
  const base = `MB${String(n).padStart(6, '0')}`;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ORG_ALPHABET.indexOf(base[i]) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return base + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

export const BENCH_USER = { username: 'bench_enterprise', password: 'Bench-User-2026!' };

/** Registers the benchmark's organisation (上海 浦东新区) with its first user, through the API. */
export async function registerEnterprise(baseUrl) {
  const c = new ApiClient(baseUrl);
  await c.refreshSession();
  await c.request('POST', '/api/auth/register', {
    acceptDeclaration: true,
    username: BENCH_USER.username,
    password: BENCH_USER.password,
    confirmPassword: BENCH_USER.password,
    orgCode: orgCode9(1),
    orgNameZh: '上海性能测试进出口有限公司',
    orgNameEn: 'Shanghai Benchmark Import Co.',
    divisionCode: '310115',
    orgAddress: '上海市浦东新区世纪大道100号',
    orgPostcode: '200120',
    orgRemark: '',
    contactName: '性能测试',
    mobile: '13800138000',
    email: 'bench@example.com',
    phone: '021-12345678',
    fax: '',
  });
}
