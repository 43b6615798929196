import fs from 'node:fs/promises';
import path from 'node:path';
import { Lexer, type Token, type Tokens } from 'marked';
import { sha256Hex } from '../../lib/crypto';
import { docsDir } from '../../paths';

/** Where the default manual's source lives: docs/user-manual/zh-CN.md and its images/ folder. */
export const manualDir = path.join(docsDir, 'user-manual');
export const MANUAL_SOURCE_FILE = 'zh-CN.md';
/** The name the generated manual downloads under. */
export const DEFAULT_MANUAL_FILENAME = '企业用户操作手册.pdf';

export interface ManualMeta {
  /** 企业用户操作手册 */
  title: string;
  version: string;
  /** YYYY-MM-DD: printed on the title page and written as the PDF's creation date. */
  date: string;
}

export interface ManualSource {
  meta: ManualMeta;
  /** The Markdown after the front matter, lexed (GFM: pipe tables). */
  tokens: Token[];
  /** Every image the text references, by its reference (e.g. images/home.png). */
  images: Map<string, Buffer>;
  /** SHA-256 over the text and the images: the same hash renders the same PDF. */
  hash: string;
}

/**
 * Front matter: the first lines between `---` fences, one `key: value` a line. It carries the facts
 * the PDF prints about itself, so they come from the source and not from git or the clock.
 */
export function splitFrontMatter(markdown: string): { meta: Record<string, string>; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(markdown);
  if (!m) return { meta: {}, body: markdown };
  const meta: Record<string, string> = {};
  for (const line of (m[1] ?? '').split(/\r?\n/)) {
    const kv = /^([A-Za-z]+):\s*(.*?)\s*$/.exec(line);
    if (kv?.[1]) meta[kv[1]] = kv[2] ?? '';
  }
  return { meta, body: markdown.slice(m[0].length) };
}

function parseMeta(meta: Record<string, string>): ManualMeta {
  const { title, version, date } = meta;
  if (!title || !version || !date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new Error('user manual: the front matter needs title, version and date (YYYY-MM-DD)');
  }
  return { title, version, date };
}

/** Every image token, at any depth (paragraphs, list items, tables, quotes). */
export function imageRefs(tokens: Token[]): string[] {
  const refs: string[] = [];
  const visit = (list: Token[] | undefined) => {
    for (const t of list ?? []) {
      if (t.type === 'image') refs.push((t as Tokens.Image).href);
      if ('tokens' in t) visit(t.tokens);
      if (t.type === 'list') for (const item of (t as Tokens.List).items) visit(item.tokens);
      if (t.type === 'table') {
        const table = t as Tokens.Table;
        for (const cell of [...table.header, ...table.rows.flat()]) visit(cell.tokens);
      }
    }
  };
  visit(tokens);
  return [...new Set(refs)];
}

/**
 * Reads and checks the manual's source. A referenced image that is missing (or points outside the
 * manual's folder) is an error: the PDF must never ship with a hole where a screenshot belongs.
 */
export async function loadManualSource(dir: string = manualDir): Promise<ManualSource> {
  const markdown = await fs.readFile(path.join(dir, MANUAL_SOURCE_FILE), 'utf8');
  const { meta, body } = splitFrontMatter(markdown);
  const tokens = new Lexer({ gfm: true }).lex(body);
  const images = new Map<string, Buffer>();
  const hashParts = [sha256Hex(markdown)];
  for (const ref of imageRefs(tokens)) {
    const file = path.resolve(dir, ref);
    if (/^[a-z]+:/i.test(ref) || !file.startsWith(path.resolve(dir) + path.sep)) {
      throw new Error(`user manual: image "${ref}" must be a file inside ${dir}`);
    }
    let data: Buffer;
    try {
      data = await fs.readFile(file);
    } catch {
      throw new Error(`user manual: image "${ref}" is referenced but ${file} does not exist`);
    }
    images.set(ref, data);
    hashParts.push(`${ref}:${sha256Hex(data)}`);
  }
  return { meta: parseMeta(meta), tokens, images, hash: sha256Hex(hashParts.join('\n')) };
}
