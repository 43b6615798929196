import type { ServiceContext } from '../../context';
import { AppError } from '../../lib/app-error';

/**
 * The calling enterprise user's organisation, for anything that shows or changes organisation data.
 * A user still waiting for approval (pending) sees nothing of it.
 */
export function requireActiveMember(ctx: ServiceContext): { userId: string; organisationId: string } {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (actor.role !== 'enterprise') throw new AppError('FORBIDDEN');
  if (actor.status === 'pending') throw new AppError('ACCOUNT_PENDING');
  if (actor.status !== 'active' || !actor.organisationId) throw new AppError('FORBIDDEN');
  return { userId: actor.userId, organisationId: actor.organisationId };
}
