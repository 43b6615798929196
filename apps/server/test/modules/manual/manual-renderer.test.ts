import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uncoveredCharacters } from '../../../src/lib/pdf/fonts';
import { renderManual } from '../../../src/modules/manual/manual-renderer';
import { loadManualSource, manualDir } from '../../../src/modules/manual/manual-source';
import { describeDb } from '../../helpers/build-test-app';
import { fixture } from '../../helpers/upload';
import { pdfFontList, pdfImageCount, pdfPageCount, pdfText } from './pdf-tools';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const FRONT = '---\ntitle: 测试手册\nversion: 0.1\ndate: 2026-01-15\n---\n\n';

describe(`user manual renderer ${describeDb}`, () => {
  let tmp: string;
  /** docs/user-manual, rendered once for the suite. */
  let manual: Buffer;
  /** A manual folder of its own: zh-CN.md and, optionally, images. */
  const manualIn = (name: string, markdown: string, images: Record<string, Buffer> = {}) => {
    const dir = path.join(tmp, name);
    fs.mkdirSync(path.join(dir, 'images'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'zh-CN.md'), markdown);
    for (const [file, data] of Object.entries(images)) fs.writeFileSync(path.join(dir, 'images', file), data);
    return dir;
  };

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ccc-manual-'));
    manual = await renderManual(await loadManualSource(manualDir));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('renders docs/user-manual with the title page, contents and every chapter in Chinese', async () => {
    const pdf = manual;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('CCC免办及特殊用途进口产品检测处理管理系统');
    expect(text).toContain('企业用户操作手册');
    expect(text).toMatch(/目\s+录/);
    const chapters = ['概述', '系统首页', '注册', '登录', '找回密码', '修改企业信息', '修改密码', '退出系统'];
    chapters.forEach((title, i) => expect(text).toMatch(new RegExp(`${i + 1}\\s+${title}`)));
    for (const section of [
      '用户操作手册下载',
      '加入已注册的单位',
      '会话有效期',
      '审核人员账号',
      '用户手册',
    ]) {
      expect(text).toContain(section);
    }
    // Latin, digits and symbols print with the same font
    expect(text).toContain('GB 32100');
    expect(text).toContain('1366×768');
    // page numbers in the footer
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(10);
    expect(text).toContain(`第 2 页 / 共 ${pages} 页`);
  });

  it('embeds the shipped fonts (subsets of Noto Sans CJK SC, Regular and Bold) and nothing else', async () => {
    const fonts = pdfFontList(manual);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'NotoSansCJKsc-Bold',
      'NotoSansCJKsc-Regular',
    ]);
    expect(fonts.every((f) => f.embedded && f.type === 'CID Type 0C')).toBe(true);
  });

  it('gives the same bytes for the same source, and other bytes for another', async () => {
    const source = await loadManualSource(manualDir);
    expect(sha(await renderManual(source))).toBe(sha(manual));
    expect(source.hash).toBe((await loadManualSource(manualDir)).hash);

    const one = await loadManualSource(manualIn('v1', `${FRONT}# 第一章\n\n正文。\n`));
    const two = await loadManualSource(manualIn('v2', `${FRONT}# 第一章\n\n正文有改动。\n`));
    expect(one.hash).not.toBe(two.hash);
    expect(sha(await renderManual(one))).not.toBe(sha(await renderManual(two)));
  });

  it('draws a referenced image with its numbered caption', async () => {
    const dir = manualIn('img', `${FRONT}# 系统首页\n\n打开首页：\n\n![系统首页](images/home.png)\n`, {
      'home.png': fixture('scan.png'),
    });
    const pdf = await renderManual(await loadManualSource(dir));
    expect(pdfImageCount(pdf)).toBe(1);
    expect(pdfText(pdf)).toMatch(/图 1-1\s+系统首页/);
  });

  it('refuses a manual whose image is missing or lies outside its folder', async () => {
    const missing = manualIn('missing', `${FRONT}# 首页\n\n![首页](images/missing.png)\n`);
    await expect(loadManualSource(missing)).rejects.toThrow(/images\/missing\.png/);
    const outside = manualIn('outside', `${FRONT}# 首页\n\n![首页](../img/images/home.png)\n`);
    await expect(loadManualSource(outside)).rejects.toThrow(/must be a file inside/);
  });

  it('refuses text the shipped font cannot print, and a source without its front matter', async () => {
    expect(uncoveredCharacters('企业 ABC xyz 0123456789 ①（）“”、。')).toEqual([]);
    expect(uncoveredCharacters('𠀀')).toEqual(['𠀀']);
    const rare = await loadManualSource(manualIn('rare', `${FRONT}# 首页\n\n罕见字𠀀。\n`));
    await expect(renderManual(rare)).rejects.toThrow(/𠀀/);
    await expect(loadManualSource(manualIn('bare', '# 首页\n'))).rejects.toThrow(/front matter/);
  });

  it('continues a long table on the next page under a repeated header row', async () => {
    const rows = Array.from({ length: 70 }, (_, i) => `| 第${i + 1}行 | 说明文字${i + 1} |`).join('\n');
    const dir = manualIn('table', `${FRONT}# 表格\n\n| 项目名称 | 说明 |\n| --- | --- |\n${rows}\n`);
    const pdf = await renderManual(await loadManualSource(dir));
    const text = pdfText(pdf);
    const bodyPages = text.split('\f').filter((p) => /第\d+行/.test(p));
    expect(bodyPages.length).toBeGreaterThan(1);
    for (const page of bodyPages) expect(page).toContain('项目名称');
    for (const n of [1, 35, 70]) expect(text).toContain(`说明文字${n}`);
  });
});
