import type { DemoAccount } from './demo-actors';

/** The table of accounts `npm run demo` prints. */

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Display width in a terminal: CJK and full-width characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return w;
}
const pad = (text: string, w: number) => text + ' '.repeat(Math.max(0, w - width(text)));

const ROLE_LABELS: Record<string, string> = { admin: '管理员', officer: '审核人员', enterprise: '企业用户' };

export function accountTable(accounts: DemoAccount[]): string {
  const head = ['角色 Role', '用户名 Username', '密码 Password', '状态 Status', '单位 Organisation / bureau'];
  const rows = accounts.map((a) => [
    ROLE_LABELS[a.role] ?? a.role,
    a.username,
    a.password ?? '—',
    a.status,
    a.note ? `${a.unit}（${a.note}）` : a.unit,
  ]);
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
