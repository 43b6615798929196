import type { HsCategoryKind } from '@ccc/domain';

/** A row of the HS-to-CCC mapping (ccc_hs_mappings) as far as 产品类别 needs it. */
export interface CategoryMapping {
  hsPrefix: string;
  categoryName: string | null;
  provisional: boolean;
}

export interface HsCategoryOf {
  name: string;
  kind: HsCategoryKind;
  provisional: boolean;
}

/**
 * 产品类别 of a code (DOMAIN, product lines): the CCC category of the longest mapped HS prefix (a 6-digit
 * mapping is more precise than its 4-digit heading; several categories under one prefix are joined), else
 * the HS chapter's Chinese name. Provisional when any mapping row it came from is provisional.
 */
export function categoryResolver(
  mappings: CategoryMapping[],
  chapterNames: Map<string, string>,
): (code: string) => HsCategoryOf {
  const byPrefix = new Map<string, { names: string[]; provisional: boolean }>();
  for (const m of mappings) {
    if (!m.categoryName) continue;
    const entry = byPrefix.get(m.hsPrefix) ?? { names: [], provisional: false };
    if (!entry.names.includes(m.categoryName)) entry.names.push(m.categoryName);
    entry.provisional ||= m.provisional;
    byPrefix.set(m.hsPrefix, entry);
  }
  return (code) => {
    for (let len = Math.min(code.length, 10); len >= 2; len--) {
      const hit = byPrefix.get(code.slice(0, len));
      if (hit) return { name: hit.names.join('；'), kind: 'ccc', provisional: hit.provisional };
    }
    return { name: chapterNames.get(code.slice(0, 2)) ?? '', kind: 'chapter', provisional: false };
  };
}

/** Every prefix of a code that a mapping may name (2 to 10 digits). */
export function hsPrefixes(code: string): string[] {
  const out: string[] = [];
  for (let len = 2; len <= Math.min(code.length, 10); len++) out.push(code.slice(0, len));
  return out;
}
