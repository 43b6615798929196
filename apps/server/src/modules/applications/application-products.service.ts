import { isEditableStatus, type Product, type ProductFields } from '@ccc/domain';
import type { ServiceContext } from '../../context';
import { AppError, fieldError, notFound } from '../../lib/app-error';
import { iso } from '../../lib/clock';
import { newId } from '../../lib/crypto';
import { recordAudit } from '../audit/audit.service';
import { requireActiveMember } from '../enterprises/membership';
import { findHsCode } from '../hs-codes/hs-codes.service';
import { lockApplicationForEdit, loadOwnApplication } from './application-access';
import { toProduct } from './application-detail.service';
import { applicationsRepository as repo, type ProductRow } from './applications.repository';

/**
 * 产品信息 (SPEC §3.3): lines of a saved application, added, changed and deleted while the enterprise may
 * change it. An application that was never saved has no id, so nothing can be added to it.
 */

const ENTITY = 'application';

/** What the audit log keeps of a line. */
const auditLine = (
  p: Pick<ProductRow, 'id' | 'line_no' | 'hs_code' | 'product_name' | 'model' | 'quantity' | 'unit'>,
) => ({
  productId: p.id,
  lineNo: p.line_no,
  hsCode: p.hs_code,
  productName: p.product_name,
  model: p.model,
  quantity: p.quantity,
  unit: p.unit,
});

/** The HS code must be in the table and enabled; its Chinese name is copied onto the line. */
async function requireHsName(ctx: ServiceContext, code: string): Promise<string> {
  const hs = await findHsCode(ctx, code);
  if (!hs || !hs.enabled) throw fieldError('hsCode', 'v.hsCode.unavailable');
  return hs.nameZh;
}

async function loadEditable(ctx: ServiceContext, applicationId: string, attempted: string) {
  const row = await loadOwnApplication(ctx, applicationId, attempted);
  if (!isEditableStatus(row.status)) throw new AppError('INVALID_TRANSITION');
  return row;
}

const columns = (p: ProductFields) => ({
  hs_code: p.hsCode,
  product_name: p.productName,
  model: p.model,
  brand: p.brand,
  quantity: p.quantity,
  unit: p.unit,
  manufacturer: p.manufacturer,
  origin_country: p.originCountry,
  purpose: p.purpose,
});

/** 添加 (保存并关闭 / 保存并添加下一个). */
export async function addProduct(
  ctx: ServiceContext,
  applicationId: string,
  input: ProductFields,
): Promise<Product> {
  const { userId } = requireActiveMember(ctx);
  const app = await loadEditable(ctx, applicationId, 'PRODUCT_ADD');
  const hsName = await requireHsName(ctx, input.hsCode);
  const at = iso(ctx.clock.now());
  const id = newId();
  return ctx.db.transaction().execute(async (trx) => {
    await lockApplicationForEdit(trx, ctx, applicationId);
    const lineNo = await repo.nextLineNo(trx, applicationId);
    const row: ProductRow = {
      id,
      application_id: applicationId,
      organisation_id: app.organisation_id,
      line_no: lineNo,
      hs_name: hsName,
      ...columns(input),
      created_by: userId,
      created_at: at,
      updated_at: at,
    };
    await repo.insertProduct(trx, row);
    await repo.refreshProductSummary(trx, applicationId);
    await recordAudit(trx, ctx, {
      entityType: ENTITY,
      entityId: applicationId,
      action: 'PRODUCT_ADDED',
      after: { number: app.number, ...auditLine(row) },
    });
    return toProduct(row);
  });
}

/** 修改 of a line. A changed HS code must be enabled and its name is copied anew; an unchanged one keeps its name. */
export async function updateProduct(
  ctx: ServiceContext,
  applicationId: string,
  productId: string,
  input: ProductFields,
): Promise<Product> {
  const app = await loadEditable(ctx, applicationId, 'PRODUCT_UPDATE');
  const before = await repo.findProduct(ctx.db, applicationId, productId);
  if (!before) throw notFound();
  const hsName = input.hsCode === before.hs_code ? before.hs_name : await requireHsName(ctx, input.hsCode);
  return ctx.db.transaction().execute(async (trx) => {
    await lockApplicationForEdit(trx, ctx, applicationId);
    const after = await repo.updateProduct(trx, applicationId, productId, {
      ...columns(input),
      hs_name: hsName,
      updated_at: iso(ctx.clock.now()),
    });
    if (!after) throw notFound();
    await repo.refreshProductSummary(trx, applicationId);
    await recordAudit(trx, ctx, {
      entityType: ENTITY,
      entityId: applicationId,
      action: 'PRODUCT_UPDATED',
      before: { number: app.number, ...auditLine(before) },
      after: { number: app.number, ...auditLine(after) },
    });
    return toProduct(after);
  });
}

/** 删除 of a line; its line number is not reused. */
export async function deleteProduct(
  ctx: ServiceContext,
  applicationId: string,
  productId: string,
): Promise<void> {
  const app = await loadEditable(ctx, applicationId, 'PRODUCT_DELETE');
  const before = await repo.findProduct(ctx.db, applicationId, productId);
  if (!before) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    await lockApplicationForEdit(trx, ctx, applicationId);
    if ((await repo.deleteProduct(trx, applicationId, productId)) !== 1) throw notFound();
    await repo.refreshProductSummary(trx, applicationId);
    await recordAudit(trx, ctx, {
      entityType: ENTITY,
      entityId: applicationId,
      action: 'PRODUCT_DELETED',
      before: { number: app.number, ...auditLine(before) },
      after: null,
    });
  });
}

/** 历史查询: the HS codes the organisation declared before, most used first, with current names and units. */
export async function listHsHistory(ctx: ServiceContext, query: { page: number; pageSize: number }) {
  const { organisationId } = requireActiveMember(ctx);
  const [rows, total] = await Promise.all([
    repo.hsHistory(ctx.db, organisationId, (query.page - 1) * query.pageSize, query.pageSize),
    repo.countHsHistory(ctx.db, organisationId),
  ]);
  const items = await Promise.all(
    rows.map(async (r) => {
      const current = await findHsCode(ctx, r.hs_code);
      return {
        code: r.hs_code,
        name: current?.nameZh ?? r.hs_name ?? '',
        unit1: current?.unit1 ?? null,
        unit2: current?.unit2 ?? null,
        category: current?.category ?? null,
        enabled: current?.enabled ?? false,
        uses: Number(r.uses),
      };
    }),
  );
  return { items, total, page: query.page, pageSize: query.pageSize };
}
