/** Times in mails and messages are shown in China Standard Time (UTC+8, no daylight saving). */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** 'YYYY-MM-DD HH:mm' in Beijing time. */
export function formatChinaTime(d: Date | string): string {
  const t = new Date(new Date(d).getTime() + CST_OFFSET_MS).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}
