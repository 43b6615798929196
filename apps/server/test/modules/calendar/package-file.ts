import fs from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The installed chinese-days data file, read here independently of the server's reader: what the seed must
 * have put into the database.
 */
export interface PackageFile {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const require = createRequire(import.meta.url);

export function packageFile(): PackageFile {
  return JSON.parse(
    fs.readFileSync(require.resolve('chinese-days/dist/chinese-days.json'), 'utf8'),
  ) as PackageFile;
}

export function packageVersion(): string {
  return (
    JSON.parse(fs.readFileSync(require.resolve('chinese-days/package.json'), 'utf8')) as { version: string }
  ).version;
}

const weekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/** Per covered year: holidays on Monday–Friday and make-up working days on Saturday/Sunday. */
export function expectedCounts(file = packageFile()): Map<number, { holidays: number; workdays: number }> {
  const counts = new Map<number, { holidays: number; workdays: number }>();
  const of = (date: string) => {
    const y = Number(date.slice(0, 4));
    if (!counts.has(y)) counts.set(y, { holidays: 0, workdays: 0 });
    return counts.get(y)!;
  };
  for (const date of Object.keys(file.holidays)) {
    const c = of(date);
    if (!weekend(date)) c.holidays++;
  }
  for (const date of Object.keys(file.workdays)) {
    const c = of(date);
    if (weekend(date)) c.workdays++;
  }
  return counts;
}
