import type { BureauWorkspace, UserStatus } from '@ccc/domain';
import type { ServiceContext } from '../../context';
import { AppError, notFound } from '../../lib/app-error';
import { divisionPath, findBureau, findDivision } from '../reference/reference.service';
import { officerAccounts } from '../auth/officer-accounts.service';

/**
 * The officer's own bureau and nothing else: which divisions it covers, its service levels and its
 * officers. The bureau comes from the session, never from the request.
 */
export async function getBureauWorkspace(ctx: ServiceContext): Promise<BureauWorkspace> {
  const code = ctx.actor?.bureauCode;
  if (!code) throw new AppError('FORBIDDEN');
  const bureau = await findBureau(ctx, code);
  if (!bureau) throw notFound();
  const divisions = await Promise.all(
    bureau.divisionCodes.map(async (divisionCode) => {
      const [division, path] = await Promise.all([
        findDivision(ctx, divisionCode),
        divisionPath(ctx, divisionCode),
      ]);
      return { code: divisionCode, name: division?.name ?? divisionCode, path: path || divisionCode };
    }),
  );
  const officers = await officerAccounts.listOfBureau(ctx.db, code);
  return {
    code: bureau.code,
    name: bureau.name,
    level: bureau.level,
    phone: bureau.phone,
    address: bureau.address,
    acceptDays: bureau.acceptDays,
    decideDays: bureau.decideDays,
    divisions,
    officers: officers.map((o) => ({
      id: o.id,
      username: o.username,
      contactName: o.contact_name,
      status: o.status as UserStatus,
    })),
  };
}
