/** Officer accounts for the tests: valid bodies for POST /api/admin/officers. */
export const SH = '310000'; // 上海市市场监督管理局
export const GD = '440000'; // 广东省市场监督管理局
export const OFFICER_PW = 'Officer#2026a';

export function officerBody(n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    username: `officer${n}`,
    password: OFFICER_PW,
    contactName: `李审核${n}`,
    mobile: '13911112222',
    email: `officer${n}@samr.example.cn`,
    phone: '021-64000000',
    bureauCode: SH,
    ...overrides,
  };
}
