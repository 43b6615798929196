import type { saveServiceLevelBodySchema, ServiceLevel } from '@ccc/domain';
import type { z } from 'zod';
import type { ServiceContext } from '../../context';
import { notFound } from '../../lib/app-error';
import { iso } from '../../lib/clock';
import { recordAudit } from '../audit/audit.service';
import * as repo from './reference.repository';

/** 服务时限: each bureau's limits in working days (DOMAIN.md "Time limits"), as the administrator keeps them. */

type SaveInput = z.output<typeof saveServiceLevelBodySchema>;
type BureauRow = Awaited<ReturnType<typeof repo.findBureauRows>>[number];

const toServiceLevel = (row: BureauRow): ServiceLevel => ({
  bureauCode: row.code,
  bureauName: row.name,
  acceptDays: Number(row.accept_days),
  decideDays: Number(row.decide_days),
});

/** Every enabled bureau's service levels, by code. */
export async function listServiceLevels(ctx: Pick<ServiceContext, 'db'>): Promise<ServiceLevel[]> {
  const rows = await repo.findBureauRows(ctx.db, { enabledOnly: true });
  return rows.map(toServiceLevel);
}

/**
 * Sets a bureau's limits (a disabled bureau too: it keeps them when enabled again); an unknown code is not
 * found. Audited with the limits before and after. The cases already in the inbox are measured against the
 * new limits from now on.
 */
export async function saveServiceLevel(
  ctx: ServiceContext,
  code: string,
  input: SaveInput,
): Promise<ServiceLevel> {
  return ctx.db.transaction().execute(async (trx) => {
    const [before] = await repo.findBureauRows(trx, { codes: [code] });
    if (!before) throw notFound();
    await repo.updateBureauServiceLevels(trx, code, { ...input, updatedAt: iso(ctx.clock.now()) });
    const [after] = await repo.findBureauRows(trx, { codes: [code] });
    await recordAudit(trx, ctx, {
      entityType: 'bureau',
      entityId: code,
      action: 'SERVICE_LEVEL_CHANGED',
      before: { acceptDays: before.accept_days, decideDays: before.decide_days },
      after: { acceptDays: after!.accept_days, decideDays: after!.decide_days },
      bureauCode: code,
    });
    return toServiceLevel(after!);
  });
}
