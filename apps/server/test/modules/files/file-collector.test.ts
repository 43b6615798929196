import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE } from '../../../src/lib/clock';
import { collectOrphanedFiles, ORPHAN_GRACE_MS } from '../../../src/modules/files/file-collector';
import { releaseFile, retainFile } from '../../../src/modules/files/files.service';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { pdfOfSize } from '../attachments/factories';

/**
 * Released content leaves storage only through the collector, after a grace period, and never while an
 * upload of the same bytes is between its `put` and its commit (the race an immediate removal had).
 */
describe(`file collector ${describeDb}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    t.clock.set('2026-05-01T02:00:00Z');
  });
  afterAll(async () => t.close());

  const stored = (sha: string) => path.join(t.config.dataDir, 'storage/files', sha.slice(0, 2), sha);
  const owner = (id: string) => ({ type: 'test_owner', id });
  const store = async (data: Buffer, ownerId: string) => {
    const { sha256, size } = await t.deps.files.put(data);
    await t.deps.db
      .transaction()
      .execute((trx) => retainFile(trx, t.deps, { sha256, size, mime: 'application/pdf' }, owner(ownerId)));
    return sha256;
  };
  const release = (sha: string, ownerId: string) =>
    t.deps.db.transaction().execute((trx) => releaseFile(trx, t.deps, sha, owner(ownerId)));
  const marks = () => t.deps.db.selectFrom('orphaned_files').selectAll().execute();
  const collect = () => collectOrphanedFiles(t.deps);
  const pass = (ms: number) => t.clock.advance(ms);

  it('keeps released content through the grace period, then removes it and its mark', async () => {
    const sha = await store(pdfOfSize(3000, 'released'), 'a');
    await release(sha, 'a');
    expect(await marks()).toEqual([{ sha256: sha, orphaned_at: t.clock.now().toISOString() }]);
    expect(await t.deps.db.selectFrom('files').where('sha256', '=', sha).selectAll().execute()).toEqual([]);

    pass(ORPHAN_GRACE_MS - MINUTE);
    expect(await collect()).toBe(0);
    expect(fs.existsSync(stored(sha))).toBe(true);

    pass(2 * MINUTE);
    expect(await collect()).toBe(1);
    expect(fs.existsSync(stored(sha))).toBe(false);
    expect(await marks()).toEqual([]);
  });

  it('keeps content that is referenced again before the collector comes', async () => {
    const data = pdfOfSize(3000, 'uploaded again');
    const sha = await store(data, 'b');
    await release(sha, 'b');
    pass(10 * MINUTE);
    await store(data, 'c'); // the same bytes uploaded again, by another owner
    expect(await marks()).toEqual([]);
    pass(ORPHAN_GRACE_MS * 2);
    expect(await collect()).toBe(0);
    expect(fs.readFileSync(stored(sha)).equals(data)).toBe(true);
  });

  it('never removes a file under an upload that stored it and has not committed yet', async () => {
    const data = pdfOfSize(3000, 'in flight');
    const sha = await store(data, 'd');
    await release(sha, 'd');
    pass(ORPHAN_GRACE_MS + MINUTE);
    // An upload of the same bytes: `put` done (the content exists, so it is only stamped), commit pending.
    await t.deps.files.put(data);
    expect(await collect()).toBe(0);
    expect(fs.existsSync(stored(sha))).toBe(true);
    // The upload commits; the mark left for a second look is dropped then, and the file stays.
    await t.deps.db
      .transaction()
      .execute((trx) =>
        retainFile(trx, t.deps, { sha256: sha, size: data.length, mime: 'application/pdf' }, owner('e')),
      );
    pass(ORPHAN_GRACE_MS + MINUTE);
    expect(await collect()).toBe(0);
    expect(fs.readFileSync(stored(sha)).equals(data)).toBe(true);
  });

  it('looks again after another grace period when that upload never commits', async () => {
    const data = pdfOfSize(3000, 'abandoned');
    const sha = await store(data, 'f');
    await release(sha, 'f');
    pass(ORPHAN_GRACE_MS + MINUTE);
    await t.deps.files.put(data); // stamped by an upload that then fails
    expect(await collect()).toBe(0);
    expect(await marks()).toHaveLength(1);
    pass(ORPHAN_GRACE_MS + MINUTE);
    expect(await collect()).toBe(1);
    expect(fs.existsSync(stored(sha))).toBe(false);
  });

  it('writes a fresh copy when an upload comes after the content was removed', async () => {
    const data = pdfOfSize(3000, 'removed then uploaded');
    const sha = await store(data, 'g');
    await release(sha, 'g');
    pass(ORPHAN_GRACE_MS + MINUTE);
    expect(await collect()).toBe(1);
    await store(data, 'h');
    expect(fs.readFileSync(stored(sha)).equals(data)).toBe(true);
  });

  it('removes each file once when several instances collect at the same time', async () => {
    const shas = [];
    for (let i = 0; i < 6; i++) {
      const sha = await store(pdfOfSize(2000, `many ${i}`), `m${i}`);
      await release(sha, `m${i}`);
      shas.push(sha);
    }
    pass(ORPHAN_GRACE_MS + MINUTE);
    const removed = await Promise.all([collect(), collect(), collect()]);
    expect(removed.reduce((a, b) => a + b, 0)).toBe(6);
    for (const sha of shas) expect(fs.existsSync(stored(sha))).toBe(false);
    expect(await marks()).toEqual([]);
  });

  it('marks nothing when the releasing transaction rolls back', async () => {
    const sha = await store(pdfOfSize(3000, 'rolled back'), 'r');
    await expect(
      t.deps.db.transaction().execute(async (trx) => {
        await releaseFile(trx, t.deps, sha, owner('r'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await marks()).toEqual([]);
    pass(ORPHAN_GRACE_MS * 3);
    await collect();
    expect(fs.existsSync(stored(sha))).toBe(true);
  });
});
