import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './server.mjs';

/** Minimal RFC 4180 reader (quoted fields with commas, quotes and line breaks), header row first. */
function parseCsv(text) {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records = [];
  let fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.length > 1 || fields[0] !== '') records.push(fields);
      fields = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || fields.length) records.push([...fields, field]);
  const [header, ...rows] = records;
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** A deterministic pseudo-random sequence, so every run searches the same terms. */
function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Search terms taken from the shipped HS table (apps/server/reference-data/hs/cn-hs-codes.csv), over the
 * codes the picker offers (enabled): `count` distinct Chinese name fragments of 2–4 characters, and
 * `count` distinct digit prefixes of 2–8 digits.
 */
export function hsSearchTerms(count = 300) {
  const file = path.join(repoRoot, 'apps/server/reference-data/hs/cn-hs-codes.csv');
  const rows = parseCsv(fs.readFileSync(file, 'utf8')).filter((r) => r.hs6_in_hs2022 === '1');
  const rnd = prng(20260301);
  const fragments = new Set();
  for (let guard = 0; fragments.size < count && guard < 100_000; guard++) {
    const name = [...rows[Math.floor(rnd() * rows.length)].name_zh];
    const len = 2 + Math.floor(rnd() * 3);
    if (name.length < len) continue;
    const start = Math.floor(rnd() * (name.length - len + 1));
    const frag = name.slice(start, start + len).join('');
    if (/^[\u4e00-\u9fff]+$/.test(frag)) fragments.add(frag);
  }
  const prefixes = new Set();
  for (let guard = 0; prefixes.size < count && guard < 100_000; guard++) {
    const code = rows[Math.floor(rnd() * rows.length)].code;
    prefixes.add(code.slice(0, 2 + Math.floor(rnd() * 7)));
  }
  return { codes: rows.length, fragments: [...fragments], prefixes: [...prefixes] };
}
