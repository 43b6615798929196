import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { TEST_ADMIN } from '../../helpers/test-config';
import type { TestClient } from '../../helpers/test-client';
import { loginOk } from '../../helpers/identity';

/** Real payloads (OWASP XSS filter evasion cheat sheet and friends), stored and served back. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '<body onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<a href="javascript:alert(1)">点我</a>',
  '<a href="JaVaScRiPt:alert(1)">点我</a>',
  '<a href="jav&#x09;ascript:alert(1)">点我</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">点我</a>',
  '<a href="  javascript:alert(1)">点我</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">点我</a>',
  '<a href="vbscript:msgbox(1)">点我</a>',
  '<p onclick="alert(1)" onmouseover="alert(1)">段落</p>',
  '<p style="background:url(javascript:alert(1))">样式</p>',
  '<style>@import "https://xss.example/x.css";</style>',
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<form action="javascript:alert(1)"><button>提交</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<details open ontoggle=alert(1)>',
  '<<script>script>alert(1)<</script>/script>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="0" y="20">点我</text></a></svg>',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<a href="data:text/html,<script>alert(1)</script>">点我</a>',
  '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">点我</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">点我</a>',
  '<a href="javascript&colon;alert(1)">点我</a>',
  '<a href="java\tscript:alert(1)">点我</a>',
  '<iframe src="https://evil.example/"></iframe>',
  '<link rel="stylesheet" href="javascript:alert(1)">',
  '<input onfocus=alert(1) autofocus>',
  '<video><source onerror="alert(1)"></video>',
];

describe(`announcement body sanitisation ${describeDb}`, () => {
  let t: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await loginOk(t, TEST_ADMIN.username, TEST_ADMIN.password);
  });
  afterAll(async () => t.close());

  const store = async (bodyHtml: string) => {
    const res = await admin.post('/api/admin/announcements', { title: '安全测试', bodyHtml });
    expect(res.statusCode).toBe(201);
    const { id } = res.json<{ id: string }>();
    await admin.post(`/api/admin/announcements/${id}/publish`);
    const pub = await t.client().get(`/api/announcements/${id}`);
    const row = await t.database.db
      .selectFrom('announcements')
      .select('body_html')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { served: pub.json<{ bodyHtml: string }>().bodyHtml, stored: row.body_html };
  };

  it.each(PAYLOADS)('neutralises %s', async (payload) => {
    const { served, stored } = await store(`<p>前文</p>${payload}<p>后文</p>`);
    expect(served).toBe(stored);
    for (const html of [served, stored]) {
      expect(html).not.toMatch(
        /<\s*(script|style|iframe|object|embed|svg|img|math|form|meta|base|body|details)\b/i,
      );
      expect(html).not.toMatch(/\son\w+\s*=/i);
      expect(html).not.toMatch(/javascript:|vbscript:|data:/i);
      expect(html).not.toMatch(/style\s*=/i);
      expect(html).toContain('<p>前文</p>');
      expect(html).toContain('<p>后文</p>');
    }
  });

  it('keeps basic formatting and makes links safe', async () => {
    const body =
      '<h3>一、适用范围</h3><h4>（一）</h4><p><strong>粗</strong><b>粗</b><em>斜</em><i>斜</i><u>下划线</u><s>删除</s><br></p>' +
      '<ul><li>甲</li></ul><ol><li>乙</li></ol><blockquote>引用</blockquote>' +
      '<p><a href="https://www.cnca.gov.cn/" target="_self" rel="opener" onclick="x()">认监委</a> ' +
      '<a href="mailto:ccc@example.cn">邮件</a> <a href="http://example.cn/a?b=1&amp;c=2">链接</a></p>';
    const { served } = await store(body);
    expect(served).toBe(
      '<h3>一、适用范围</h3><h4>（一）</h4><p><strong>粗</strong><b>粗</b><em>斜</em><i>斜</i><u>下划线</u><s>删除</s><br /></p>' +
        '<ul><li>甲</li></ul><ol><li>乙</li></ol><blockquote>引用</blockquote>' +
        '<p><a href="https://www.cnca.gov.cn/" target="_blank" rel="noopener noreferrer">认监委</a> ' +
        '<a href="mailto:ccc@example.cn" target="_blank" rel="noopener noreferrer">邮件</a> ' +
        '<a href="http://example.cn/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">链接</a></p>',
    );
  });

  it('drops tags outside the list but keeps their text; drops the content of script and style', async () => {
    const { served } = await store(
      '<h1>大标题</h1><div><span>正文</span></div><script>secret()</script><table><tr><td>格</td></tr></table>',
    );
    expect(served).toBe('大标题正文格');
  });

  it('drops a protocol-relative link target but keeps the text; a link within the site stays', async () => {
    const { served } = await store('<p><a href="//evil.example/x">甲</a><a href="/verify">乙</a></p>');
    expect(served).toBe(
      '<p><a target="_blank" rel="noopener noreferrer">甲</a>' +
        '<a href="/verify" target="_blank" rel="noopener noreferrer">乙</a></p>',
    );
  });

  it('sanitises on edit too', async () => {
    const created = await admin.post('/api/admin/announcements', { title: '编辑', bodyHtml: '<p>ok</p>' });
    const id = created.json<{ id: string }>().id;
    const res = await admin.put(`/api/admin/announcements/${id}`, {
      title: '编辑',
      bodyHtml: '<p onmouseover="steal()">hi<img src=x onerror=alert(1)></p>',
      pinned: false,
    });
    expect(res.json().bodyHtml).toBe('<p>hi</p>');
  });
});
