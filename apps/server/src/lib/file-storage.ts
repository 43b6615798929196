import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { systemClock, type Clock } from './clock';

/**
 * Content-addressed file storage (SHA-256). Files are written under a temporary name, fsynced and
 * renamed into place (the folder fsynced too) before the database row that refers to them commits, so a
 * crash leaves either no file or a whole one. An S3-compatible store can implement the same interface.
 *
 * Each `put` stamps the file's time, also when the content is already stored, and the collector removes
 * only files whose stamp is old (`removeIfUntouchedSince`): an upload between its `put` and its commit
 * keeps its file even if the same content was released a moment before.
 */
export interface FileStorage {
  put(data: Buffer): Promise<{ sha256: string; size: number }>;
  read(sha256: string): Promise<Buffer>;
  stream(sha256: string): NodeJS.ReadableStream;
  exists(sha256: string): Promise<boolean>;
  /** Removes the content unconditionally (for repairs and tests; the collector uses the next method). */
  remove(sha256: string): Promise<void>;
  /**
   * Removes the content unless a `put` stamped it at or after `since`; true when it is gone. The file is
   * first moved aside and its stamp read there, so a `put` racing with the removal either stamped it
   * before (the file is put back) or finds it gone and writes a fresh copy.
   */
  removeIfUntouchedSince(sha256: string, since: Date): Promise<boolean>;
}

export function createLocalFileStorage(root: string, clock: Clock = systemClock): FileStorage {
  const filesDir = path.join(root, 'files');
  const tmpDir = path.join(root, 'tmp');
  fs.mkdirSync(filesDir, { recursive: true });
  fs.mkdirSync(tmpDir, { recursive: true });
  const pathOf = (sha: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error('invalid file key');
    return path.join(filesDir, sha.slice(0, 2), sha);
  };
  return {
    async put(data) {
      const sha256 = createHash('sha256').update(data).digest('hex');
      const target = pathOf(sha256);
      const now = clock.now();
      try {
        await fsp.utimes(target, now, now);
        return { sha256, size: data.length };
      } catch (err) {
        if (!isMissing(err)) throw err;
      }
      await fsp.mkdir(path.dirname(target), { recursive: true });
      const tmp = path.join(tmpDir, randomUUID());
      const fh = await fsp.open(tmp, 'w');
      try {
        await fh.writeFile(data);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await fsp.utimes(tmp, now, now);
      await fsp.rename(tmp, target);
      await syncDirectory(path.dirname(target)); // the new name survives a power loss, as the bytes do
      return { sha256, size: data.length };
    },
    read: (sha) => fsp.readFile(pathOf(sha)),
    stream: (sha) => fs.createReadStream(pathOf(sha)),
    exists: async (sha) => fs.existsSync(pathOf(sha)),
    async remove(sha) {
      await fsp.rm(pathOf(sha), { force: true });
    },
    async removeIfUntouchedSince(sha, since) {
      const target = pathOf(sha);
      const aside = path.join(tmpDir, `${randomUUID()}.collecting`);
      try {
        await fsp.rename(target, aside);
      } catch (err) {
        if (isMissing(err)) return true;
        throw err;
      }
      const { mtimeMs } = await fsp.stat(aside);
      if (mtimeMs >= since.getTime()) {
        // Stamped by an upload in flight: put it back, unless that upload already wrote a fresh copy.
        await fsp.link(aside, target).catch((err: unknown) => {
          if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        });
        await fsp.rm(aside, { force: true });
        return false;
      }
      await fsp.rm(aside, { force: true });
      return true;
    },
  };
}

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

async function syncDirectory(dir: string): Promise<void> {
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** What a file really is, from its first bytes; null for anything we do not accept. */
export function sniffFileType(data: Buffer): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  return null;
}
