import { z } from 'zod';
import type { manualInfoSchema } from '@ccc/domain';
import type { ServiceContext } from '../../context';
import { AppError } from '../../lib/app-error';
import { iso } from '../../lib/clock';
import { sha256Hex } from '../../lib/crypto';
import { sniffFileType } from '../../lib/file-storage';
import { pdfFonts } from '../../lib/pdf/fonts';
import { cleanFilename } from '../../lib/filenames';
import { releaseFile, retainFile } from '../files/files.service';
import { recordAudit } from '../audit/audit.service';
import { MANUAL_RENDERER_VERSION, renderManual } from './manual-renderer';
import { DEFAULT_MANUAL_FILENAME, loadManualSource, manualDir, type ManualSource } from './manual-source';
import { MANUAL_FILE_KEY, MANUAL_GENERATED_KEY, manualRepository } from './manual.repository';

export type ManualInfo = z.infer<typeof manualInfoSchema>;

/** The largest manual an administrator may upload (the multipart limit in app.ts is the same). */
export const MAX_MANUAL_BYTES = 20 * 1024 * 1024;

/** settings 'manual.file': the administrator's upload, which replaces the generated manual. */
const uploadedSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  filename: z.string(),
  size: z.number().int(),
  updatedAt: z.string(),
});
type UploadedManual = z.infer<typeof uploadedSchema>;

/** settings 'manual.generated': the PDF rendered from docs/user-manual, and what it was rendered from. */
const generatedSchema = z.object({
  cacheKey: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int(),
  version: z.string(),
  date: z.string(),
  generatedAt: z.string(),
});
type GeneratedManual = z.infer<typeof generatedSchema>;

function parseSetting<T>(schema: z.ZodType<T>, value: string | null): T | null {
  if (value === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The manual's source is part of the deployed code: read once per process (a restart picks up a change).
 * A failed read is not kept, so a fixed source is picked up by the next request.
 */
let sourcePromise: Promise<ManualSource> | null = null;
function manualSource(): Promise<ManualSource> {
  sourcePromise ??= loadManualSource(manualDir).catch((err: unknown) => {
    sourcePromise = null;
    throw err;
  });
  return sourcePromise;
}

/** The manual's stored files, as file_references owners. */
const UPLOADED_OWNER = { type: 'manual', id: 'uploaded' };
const GENERATED_OWNER = { type: 'manual', id: 'generated' };

/** Renders in flight, by cache key: concurrent first requests share one render. */
const rendering = new Map<string, Promise<GeneratedManual>>();

/**
 * The generated manual: rendered from docs/user-manual on first use and kept in file storage, keyed by
 * the hash of its source, the fonts and the renderer version, so it is rendered again only when one of
 * them changes (or the stored file is gone).
 */
async function generatedManual(ctx: ServiceContext): Promise<GeneratedManual> {
  const source = await manualSource();
  const cacheKey = sha256Hex(`${source.hash}\n${pdfFonts().fingerprint}\n${MANUAL_RENDERER_VERSION}`);
  const stored = parseSetting(generatedSchema, await manualRepository.get(ctx.db, MANUAL_GENERATED_KEY));
  if (stored?.cacheKey === cacheKey && (await ctx.files.exists(stored.sha256))) return stored;

  let pending = rendering.get(cacheKey);
  if (!pending) {
    pending = (async () => {
      const started = performance.now();
      const pdf = await renderManual(source);
      const { sha256, size } = await ctx.files.put(pdf);
      const now = iso(ctx.clock.now());
      const generated: GeneratedManual = {
        cacheKey,
        sha256,
        size,
        version: source.meta.version,
        date: source.meta.date,
        generatedAt: now,
      };
      await ctx.db.transaction().execute(async (trx) => {
        const previous = parseSetting(generatedSchema, await manualRepository.get(trx, MANUAL_GENERATED_KEY));
        await manualRepository.put(trx, MANUAL_GENERATED_KEY, JSON.stringify(generated), now);
        await retainFile(trx, ctx, { sha256, size, mime: 'application/pdf' }, GENERATED_OWNER);
        if (previous && previous.sha256 !== sha256) {
          await releaseFile(trx, ctx, previous.sha256, GENERATED_OWNER);
        }
      });
      ctx.log.info({ sha256, size, ms: Math.round(performance.now() - started) }, 'user manual rendered');
      return generated;
    })().finally(() => rendering.delete(cacheKey));
    rendering.set(cacheKey, pending);
  }
  return pending;
}

async function uploadedManual(ctx: ServiceContext): Promise<UploadedManual | null> {
  return parseSetting(uploadedSchema, await manualRepository.get(ctx.db, MANUAL_FILE_KEY));
}

const uploadedInfo = (m: UploadedManual): ManualInfo => ({
  source: 'uploaded',
  filename: m.filename,
  size: m.size,
  updatedAt: m.updatedAt,
});

/** What the home page shows beside 用户操作手册下载. */
export async function getManualInfo(ctx: ServiceContext): Promise<ManualInfo> {
  const uploaded = await uploadedManual(ctx);
  if (uploaded) return uploadedInfo(uploaded);
  const generated = await generatedManual(ctx);
  return {
    source: 'generated',
    filename: DEFAULT_MANUAL_FILENAME,
    size: generated.size,
    updatedAt: `${generated.date}T00:00:00.000Z`,
  };
}

/** The file GET /api/manual sends: the upload if there is one, else the generated manual. */
export async function getManualFile(
  ctx: ServiceContext,
): Promise<{ sha256: string; size: number; filename: string }> {
  const uploaded = await uploadedManual(ctx);
  if (uploaded) {
    if (await ctx.files.exists(uploaded.sha256)) return uploaded;
    // The home page keeps offering a manual; the missing file is a storage fault someone must see.
    ctx.log.error({ sha256: uploaded.sha256 }, 'uploaded user manual missing from file storage');
  }
  const generated = await generatedManual(ctx);
  return { sha256: generated.sha256, size: generated.size, filename: DEFAULT_MANUAL_FILENAME };
}

function manualFilename(raw: string | undefined): string {
  const name = cleanFilename(raw, DEFAULT_MANUAL_FILENAME);
  return /\.pdf$/i.test(name) ? name : `${name}.pdf`;
}

/** 用户手册 → 上传: the PDF replaces the manual offered on the home page. */
export async function replaceManual(
  ctx: ServiceContext,
  input: { filename: string | undefined; data: Buffer },
): Promise<ManualInfo> {
  if (input.data.length > MAX_MANUAL_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  if (sniffFileType(input.data) !== 'application/pdf') throw new AppError('UNSUPPORTED_FILE_TYPE');
  // The file is whole on disk before the row that points at it commits.
  const { sha256, size } = await ctx.files.put(input.data);
  const now = iso(ctx.clock.now());
  const manual: UploadedManual = { sha256, filename: manualFilename(input.filename), size, updatedAt: now };
  await ctx.db.transaction().execute(async (trx) => {
    const before = parseSetting(uploadedSchema, await manualRepository.get(trx, MANUAL_FILE_KEY));
    await manualRepository.put(trx, MANUAL_FILE_KEY, JSON.stringify(manual), now);
    await retainFile(trx, ctx, { sha256, size, mime: 'application/pdf' }, UPLOADED_OWNER);
    if (before && before.sha256 !== sha256) await releaseFile(trx, ctx, before.sha256, UPLOADED_OWNER);
    await recordAudit(trx, ctx, {
      entityType: 'manual',
      entityId: sha256,
      action: 'MANUAL_REPLACED',
      before: before ?? null,
      after: manual,
    });
  });
  return uploadedInfo(manual);
}

/** 用户手册 → 恢复默认: the home page offers the generated manual again. */
export async function resetManual(ctx: ServiceContext): Promise<ManualInfo> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = parseSetting(uploadedSchema, await manualRepository.get(trx, MANUAL_FILE_KEY));
    if (!before) return; // already the default: nothing changes, nothing to audit
    await manualRepository.remove(trx, MANUAL_FILE_KEY);
    await recordAudit(trx, ctx, {
      entityType: 'manual',
      entityId: before.sha256,
      action: 'MANUAL_RESET',
      before,
      after: null,
    });
    await releaseFile(trx, ctx, before.sha256, UPLOADED_OWNER);
  });
  return getManualInfo(ctx);
}
