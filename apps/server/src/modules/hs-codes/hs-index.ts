import type { HsCategoryKind, HsCode } from '@ccc/domain';
import { foldSearchText } from '../reference/search-text';

/**
 * The in-process search index of the HS picker: a pure structure, built from rows the database gave
 * (hs-codes.service.ts keeps it current). It is only a cache of the database.
 *
 * - Every row has a folded haystack (code, HS名称, chapter name, 产品类别) and an inverted index maps each
 *   character (unigram) and each pair of neighbouring characters (bigram) to the ascending ids of the rows
 *   containing it. Chinese has no spaces, so bigrams are the natural unit: a term of n ≥ 2 characters is
 *   looked up by intersecting the postings of its n−1 bigrams (rarest first), and, for n > 2, confirmed
 *   with a substring test on the few survivors. Digits are characters like any other, so "partial digits
 *   anywhere" costs the same as a Chinese fragment.
 * - Row ids follow the display order of "other" matches: shorter names first, then by code, so a result
 *   list is read off a posting list already in order, without sorting.
 * - Codes sorted (codeOrder/codeRank) answer "code starts with these digits" as one binary-searched range;
 *   folded names sorted (nameRank) answer "name starts with" the same way.
 */

export interface HsIndexRow {
  code: string;
  name: string;
  unit1: string | null;
  unit2: string | null;
  chapterName: string | null;
  category: string;
  categoryKind: HsCategoryKind;
  categoryProvisional: boolean;
}

export interface HsSearchInput {
  q?: string | undefined;
  category?: string | undefined;
  offset: number;
  limit: number;
}

export interface HsSearchResult {
  items: HsCode[];
  total: number;
}

export interface HsCategoryCount {
  name: string;
  kind: HsCategoryKind;
  provisional: boolean;
  count: number;
}

const EMPTY = new Int32Array(0);
/** Up to this many names starting with the term, the name tier is read from the sorted names. */
const DIRECT_NAME_TIER = 256;

/** Splits a query into folded terms; a term of digits and dots (8501.10) loses its dots. */
export function queryTerms(q: string | undefined): string[] {
  if (!q) return [];
  return foldSearchText(q)
    .split(' ')
    .map((t) => (/^[\d.]+$/.test(t) ? t.replace(/\./g, '') : t))
    .filter((t) => t.length > 0);
}

/** Sorted-array intersection of two ascending id lists (binary search when one is much shorter). */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length > b.length) [a, b] = [b, a];
  const out = new Int32Array(a.length);
  let n = 0;
  let j = 0;
  const gallop = b.length > 8 * a.length;
  for (let i = 0; i < a.length && j < b.length; i++) {
    const v = a[i]!;
    if (gallop) {
      let hi = b.length;
      while (j < hi) {
        const mid = (j + hi) >>> 1;
        if (b[mid]! < v) j = mid + 1;
        else hi = mid;
      }
    } else {
      while (j < b.length && b[j]! < v) j++;
    }
    if (j < b.length && b[j] === v) {
      out[n++] = v;
      j++;
    }
  }
  return out.subarray(0, n);
}

/** Letters and digits: their pairs are too common to narrow a search, so their triples are indexed too. */
const isAsciiAlnum = (c: string | undefined) =>
  c !== undefined && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'));

/** First index in `sorted` whose value is ≥ key (strings compared by code unit). */
function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The range [lo, hi) of `sorted` whose values start with `prefix`. */
function prefixRange(sorted: string[], prefix: string): [number, number] {
  const lo = lowerBound(sorted, prefix);
  // Every string starting with prefix sorts before prefix + U+FFFF.
  const hi = lowerBound(sorted, `${prefix}\uffff`);
  return [lo, hi];
}

export class HsIndex {
  /** Rows in id order: shorter names first, then by code. */
  private readonly rows: HsIndexRow[];
  private readonly items: HsCode[];
  /** Each item as JSON text. */
  private readonly itemJson: string[];
  private readonly hay: string[];
  private readonly grams = new Map<string, Int32Array>();
  /** Ids by code, and each id's position in that order. */
  private readonly codeOrder: Int32Array;
  private readonly sortedCodes: string[];
  private readonly codeRank: Int32Array;
  /** Ids by folded name, the folded names in that order, and each id's position in it. */
  private readonly nameOrder: Int32Array;
  private readonly sortedNames: string[];
  private readonly nameRank: Int32Array;
  /** Categories (distinct display names) and each row's category number. */
  private readonly categories: HsCategoryCount[];
  private readonly foldedCategories: string[];
  private readonly categoryOf: Int32Array;
  /** Scratch marks, one per row; always left cleared (searches run one at a time in a process). */
  private readonly marks: Uint8Array;

  constructor(input: HsIndexRow[]) {
    this.rows = [...input].sort(
      (a, b) => a.name.length - b.name.length || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    );
    const n = this.rows.length;
    this.items = this.rows.map((r) => ({
      code: r.code,
      name: r.name,
      unit1: r.unit1,
      unit2: r.unit2,
      category: r.category,
      categoryProvisional: r.categoryProvisional,
    }));
    this.itemJson = this.items.map((item) => JSON.stringify(item));
    this.marks = new Uint8Array(n);

    const categoryIds = new Map<string, number>();
    this.categories = [];
    this.categoryOf = new Int32Array(n);
    this.hay = new Array<string>(n);
    const postings = new Map<string, number[]>();
    const add = (gram: string, id: number) => {
      const list = postings.get(gram);
      if (!list) postings.set(gram, [id]);
      else if (list[list.length - 1] !== id) list.push(id);
    };
    const foldedNames = new Array<string>(n);
    for (let id = 0; id < n; id++) {
      const r = this.rows[id]!;
      const catKey = `${r.categoryKind}\u0001${r.category}`;
      let cat = categoryIds.get(catKey);
      if (cat === undefined) {
        cat = this.categories.length;
        categoryIds.set(catKey, cat);
        this.categories.push({
          name: r.category,
          kind: r.categoryKind,
          provisional: r.categoryProvisional,
          count: 0,
        });
      }
      this.categories[cat]!.count++;
      if (r.categoryProvisional) this.categories[cat]!.provisional = true;
      this.categoryOf[id] = cat;

      foldedNames[id] = foldSearchText(r.name);
      const fields = [r.code, r.name, r.chapterName, r.category].filter((f): f is string => !!f);
      const hay = foldSearchText([...new Set(fields)].join(' '));
      this.hay[id] = hay;
      for (let i = 0; i < hay.length; i++) {
        const c = hay[i]!;
        if (c === ' ') continue;
        add(c, id);
        const next = hay[i + 1];
        if (next === undefined || next === ' ') continue;
        add(c + next, id);
        const third = hay[i + 2];
        if (isAsciiAlnum(c) && isAsciiAlnum(next) && isAsciiAlnum(third)) add(c + next + third, id);
      }
    }
    for (const [gram, ids] of postings) this.grams.set(gram, Int32Array.from(ids));
    this.foldedCategories = this.categories.map((c) => foldSearchText(c.name));

    this.codeOrder = Int32Array.from(this.rows.keys()).sort((a, b) =>
      this.rows[a]!.code < this.rows[b]!.code ? -1 : this.rows[a]!.code > this.rows[b]!.code ? 1 : 0,
    );
    this.sortedCodes = Array.from(this.codeOrder, (id) => this.rows[id]!.code);
    this.codeRank = new Int32Array(n);
    this.codeOrder.forEach((id, pos) => (this.codeRank[id] = pos));

    const nameOrder = Int32Array.from(this.rows.keys()).sort((a, b) =>
      foldedNames[a]! < foldedNames[b]! ? -1 : foldedNames[a]! > foldedNames[b]! ? 1 : 0,
    );
    this.nameOrder = nameOrder;
    this.sortedNames = Array.from(nameOrder, (id) => foldedNames[id]!);
    this.nameRank = new Int32Array(n);
    nameOrder.forEach((id, pos) => (this.nameRank[id] = pos));
  }

  get size(): number {
    return this.rows.length;
  }

  /** The categories with their code counts, the CCC ones first, then by name. */
  listCategories(): HsCategoryCount[] {
    return [...this.categories]
      .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'zh-CN') : a.kind === 'ccc' ? -1 : 1))
      .map((c) => ({ ...c }));
  }

  /**
   * Ids (ascending) of the rows whose haystack contains the folded term: the postings of its grams
   * (a triple of letters/digits where indexed, else a pair) intersected rarest first, then, unless the
   * grams alone decide, confirmed by a substring test.
   */
  private matchTerm(term: string): Int32Array {
    if (term.length === 1) return this.grams.get(term) ?? EMPTY;
    const lists: Int32Array[] = [];
    const isTriple = (i: number) =>
      i >= 0 &&
      i + 3 <= term.length &&
      isAsciiAlnum(term[i]) &&
      isAsciiAlnum(term[i + 1]) &&
      isAsciiAlnum(term[i + 2]);
    for (let i = 0; i + 1 < term.length; i++) {
      let gram: string;
      if (isTriple(i)) gram = term.slice(i, i + 3);
      else if (isTriple(i - 1))
        continue; // the pair is inside the previous triple
      else gram = term.slice(i, i + 2);
      const list = this.grams.get(gram);
      if (!list) return EMPTY;
      lists.push(list);
    }
    const exact = term.length === 2 || (term.length === 3 && isTriple(0));
    lists.sort((a, b) => a.length - b.length);
    let ids = lists[0]!;
    for (let i = 1; i < lists.length && ids.length > 0; i++) ids = intersect(ids, lists[i]!);
    if (exact) return ids;
    const out = new Int32Array(ids.length);
    let n = 0;
    for (const id of ids) if (this.hay[id]!.includes(term)) out[n++] = id;
    return out.subarray(0, n);
  }

  /** Category numbers whose folded name contains the folded filter; null when there is no filter. */
  private categoryFilter(category: string | undefined): Uint8Array | null {
    const wanted = category ? foldSearchText(category) : '';
    if (!wanted) return null;
    const allowed = new Uint8Array(this.categories.length);
    this.foldedCategories.forEach((name, i) => {
      if (name.includes(wanted)) allowed[i] = 1;
    });
    return allowed;
  }

  /**
   * The page [offset, offset + limit) of the matches, ranked: the code itself, codes starting with the
   * first term's digits (in code order), names starting with the first term, then every other match;
   * within the last two, shorter names first. Without a term: every code (of the category) in code order.
   */
  search(input: HsSearchInput): HsSearchResult {
    const { ids, total } = this.searchIds(input);
    return { items: ids.map((id) => this.items[id]!), total };
  }

  /**
   * The same page as JSON text: `items` is the array's members, each serialised once when the index was
   * built (the response is assembled from them without serialising anything per request).
   */
  searchJson(input: HsSearchInput): { items: string; total: number } {
    const { ids, total } = this.searchIds(input);
    return { items: ids.map((id) => this.itemJson[id]!).join(','), total };
  }

  private searchIds(input: HsSearchInput): { ids: number[]; total: number } {
    const terms = queryTerms(input.q);
    const allowed = this.categoryFilter(input.category);
    const end = input.offset + input.limit;

    if (terms.length === 0) {
      const page: number[] = [];
      let total = 0;
      for (const id of this.codeOrder) {
        if (allowed && !allowed[this.categoryOf[id]!]) continue;
        if (total >= input.offset && total < end) page.push(id);
        total++;
      }
      return { ids: page, total };
    }

    let ids = this.matchTerm(terms[0]!);
    for (let i = 1; i < terms.length && ids.length > 0; i++) ids = intersect(ids, this.matchTerm(terms[i]!));
    if (allowed) ids = ids.filter((id) => allowed[this.categoryOf[id]!] === 1);
    const total = ids.length;
    if (total === 0 || input.offset >= total) return { ids: [], total };

    // Tier ranges: code prefix (only for a term of digits) and name prefix, as rank intervals.
    const first = terms[0]!;
    const [codeLo, codeHi] = /^\d+$/.test(first) ? prefixRange(this.sortedCodes, first) : [0, 0];
    const [nameLo, nameHi] = prefixRange(this.sortedNames, first);
    const codeRank = this.codeRank;
    const nameRank = this.nameRank;
    // With one term and no category, every row in either range matched (the haystack holds code and
    // name), so the code tier's size is known and the walk below may stop once the page is filled.
    const wholeRanges = terms.length === 1 && !allowed;
    let codeCount = wholeRanges ? codeHi - codeLo : 0;
    // A short name range (as with most digit terms) gives the name tier directly: its rows, without those
    // of the code tier, in id order. A long one (其他 …) is collected by the walk, where it fills early.
    let nameTier: number[] | null = null;
    if (wholeRanges && nameHi - nameLo <= DIRECT_NAME_TIER) {
      nameTier = [];
      for (let pos = nameLo; pos < nameHi; pos++) {
        const id = this.nameOrder[pos]!;
        const cr = codeRank[id]!;
        if (cr < codeLo || cr >= codeHi) nameTier.push(id);
      }
      nameTier.sort((a, b) => a - b);
    }
    const nameDirect = nameTier !== null;
    const walkedNames: number[] = [];

    // One pass in id order: collect the (name and) other tiers as far as the page can need them.
    const otherTier: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const cr = codeRank[id]!;
      const nr = nameRank[id]!;
      if (cr >= codeLo && cr < codeHi) {
        if (!wholeRanges) codeCount++;
      } else if (nr >= nameLo && nr < nameHi) {
        if (!nameDirect && walkedNames.length < end) walkedNames.push(id);
      } else if (otherTier.length < end) otherTier.push(id);
      if (wholeRanges && otherTier.length >= end && (nameDirect || walkedNames.length >= end)) break;
    }
    nameTier ??= walkedNames;

    const page: number[] = [];
    if (input.offset < codeCount) {
      // The code tier in code order: walk the range, keeping the rows that matched everything.
      if (wholeRanges) {
        for (let pos = codeLo + input.offset; pos < codeHi && page.length < input.limit; pos++) {
          page.push(this.codeOrder[pos]!);
        }
      } else {
        const marks = this.marks;
        for (const id of ids) marks[id] = 1;
        try {
          let seen = 0;
          for (let pos = codeLo; pos < codeHi && page.length < input.limit; pos++) {
            const id = this.codeOrder[pos]!;
            if (!marks[id]) continue;
            if (seen++ >= input.offset) page.push(id);
          }
        } finally {
          for (const id of ids) marks[id] = 0;
        }
      }
    }
    const rest = [...nameTier, ...otherTier];
    const restOffset = Math.max(0, input.offset - codeCount);
    for (let i = restOffset; i < rest.length && page.length < input.limit; i++) page.push(rest[i]!);
    return { ids: page, total };
  }
}
