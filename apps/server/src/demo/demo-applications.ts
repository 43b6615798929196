import { chinaDate, decisionReasonBodySchema, productBodySchema, type ApplicationStatus } from '@ccc/domain';
import type { AppDeps } from '../context';
import { getApplicationDetail } from '../modules/applications/application-detail.service';
import { addProduct } from '../modules/applications/application-products.service';
import {
  createApplication,
  submitApplication,
  updateApplication,
} from '../modules/applications/applications.service';
import {
  listApplicationAttachments,
  uploadApplicationAttachment,
} from '../modules/attachments/attachments.service';
import { findHsCode } from '../modules/hs-codes/hs-codes.service';
import { decide } from '../modules/review/review.service';
import { contextOfUser } from './demo-actors';
import { runAfterIssue, type AfterIssuePlan, type IssuedCertificate } from './demo-after-issue';
import { demoAttachment } from './demo-files';
import { demoOrganisations, type DemoOrganisation } from './demo-people';
import type { DemoTimeline, StoryCursor } from './demo-timeline';

/** One application's life in the demo: filled in, submitted, reviewed, and after issue what follows. */

/** 安全保证: the undertaking every demo application gives. */
export const SAFETY =
  '本单位保证所申报产品仅用于申请所述用途，不对外销售、转让或挪作他用，并按要求如实填报产品使用记录，接受市场监督管理部门的后续监管。';

export interface DemoProduct {
  hsCode: string;
  productName: string;
  model: string;
  brand: string;
  quantity: string;
  manufacturer: string;
  originCountry: string;
  purpose: string;
}

export interface ApplicationPlan {
  key: string;
  org: DemoOrganisation['key'];
  /** The enterprise user who fills it in (the organisation's first user by default). */
  user?: string;
  officer: string;
  /** Calendar days before the end of the demo on which the application is started. */
  startDay: number;
  /** The clause and its fields; location, bureau and use address come from the organisation. */
  fields: Record<string, unknown>;
  useAddress: string;
  products: DemoProduct[];
  /** Working days from (the last) 提交 to 受理, and from 受理 to the decision: [1, 3] by default. */
  pace?: [number, number];
  /** Where the application ends. */
  outcome: ApplicationStatus;
  /** 已退回 once before it went on: the reason, and the corrected fields sent again. */
  returnedOnce?: { reason: string; fix: Record<string, unknown> };
  /** The reason of the final 退回 / 不予免办. */
  reason?: string;
  afterIssue?: AfterIssuePlan;
}

export interface DemoApplicationResult {
  key: string;
  id: string;
  number: string;
  status: string;
  certificateNumber: string | null;
}

const orgOf = (key: DemoOrganisation['key']) => demoOrganisations.find((o) => o.key === key)!;

/** The product line as the form sends it: the HS code's own first unit (法定第一计量单位). */
async function productBody(deps: AppDeps, p: DemoProduct) {
  const hs = await findHsCode(deps, p.hsCode);
  if (!hs?.enabled) throw new Error(`demo HS code ${p.hsCode} is not an enabled code of the loaded table`);
  return productBodySchema.parse({ ...p, unit: hs.unit1 ?? '台' });
}

async function attachRequired(
  deps: AppDeps,
  plan: ApplicationPlan,
  id: string,
  s: StoryCursor,
  user: string,
): Promise<void> {
  const ctx = await contextOfUser(deps, user);
  const detail = await getApplicationDetail(ctx, id);
  const items = await listApplicationAttachments(ctx, id);
  const wanted = items.filter((i) => !i.file && (i.required || i.typeCode === 'shipping_documents'));
  for (const item of wanted) {
    const data = await demoAttachment({
      title: item.name,
      organisation: orgOf(plan.org).nameZh,
      clause: `${detail.fields.clauseCode} ${detail.names.clause.name ?? ''}`,
      date: deps.clock.now(),
    });
    await uploadApplicationAttachment(ctx, id, item.typeCode, async () => ({
      filename: `${item.name}.pdf`,
      data,
    }));
    await s.later(2);
  }
}

function applicationBody(plan: ApplicationPlan): Record<string, unknown> {
  const org = orgOf(plan.org);
  return {
    locationDivisionCode: org.divisionCode,
    locationAddressTypeCode: 'registered',
    locationAddress: org.address,
    useDivisionCode: org.divisionCode,
    useAddress: plan.useAddress,
    bureauCode: org.bureauCode,
    ...plan.fields,
  };
}

/** The story of one application; its result is put in `results` as it goes. */
export function applicationStory(
  deps: AppDeps,
  timeline: DemoTimeline,
  plan: ApplicationPlan,
  results: Map<string, DemoApplicationResult>,
) {
  return async () => {
    const s = timeline.story(plan.startDay);
    const user = plan.user ?? orgOf(plan.org).users[0]!.username;
    const ent = () => contextOfUser(deps, user);
    const off = () => contextOfUser(deps, plan.officer);
    const record = async (status: string) => {
      const d = await getApplicationDetail(await ent(), id);
      results.set(plan.key, {
        key: plan.key,
        id,
        number: d.number,
        status: d.status,
        certificateNumber: d.certificateNumber,
      });
      if (d.status !== status) throw new Error(`demo ${plan.key}: expected ${status}, got ${d.status}`);
      return d;
    };

    await s.after(0, '09:35');
    const created = await createApplication(await ent(), applicationBody(plan));
    const id = created.id;
    for (const p of plan.products) {
      await s.later(6);
      await addProduct(await ent(), id, await productBody(deps, p));
    }
    await s.later(12);
    await attachRequired(deps, plan, id, s, user);
    await record('draft');
    if (plan.outcome === 'draft') return;

    await s.after(1, '10:05');
    await submitApplication(await ent(), id);
    if (plan.outcome === 'submitted') return void (await record('submitted'));

    if (plan.returnedOnce) {
      await s.after(1, '15:10');
      await decide(
        await off(),
        id,
        'return',
        decisionReasonBodySchema.parse({ reason: plan.returnedOnce.reason }),
      );
      await s.after(2, '11:20');
      await updateApplication(await ent(), id, { ...applicationBody(plan), ...plan.returnedOnce.fix });
      await s.later(25);
      await submitApplication(await ent(), id);
    }
    if (plan.outcome === 'returned') {
      await s.after(1, '16:00');
      await decide(await off(), id, 'return', decisionReasonBodySchema.parse({ reason: plan.reason }));
      return void (await record('returned'));
    }
    const [toAccept, toDecide] = plan.pace ?? [1, 3];
    await s.after(toAccept, '14:30');
    await decide(await off(), id, 'accept');
    if (plan.outcome === 'under_review') return void (await record('under_review'));

    await s.after(toDecide, '16:15');
    if (plan.outcome === 'refused') {
      await decide(await off(), id, 'refuse', decisionReasonBodySchema.parse({ reason: plan.reason }));
      return void (await record('refused'));
    }
    await decide(await off(), id, 'approve');
    const issued = await record('issued');
    if (!plan.afterIssue) return;
    const certificate: IssuedCertificate = {
      number: issued.certificateNumber!,
      issueDate: chinaDate(deps.clock.now()),
      enterprise: user,
      officer: plan.officer,
      organisation: orgOf(plan.org),
      lines: plan.products.length,
    };
    await runAfterIssue(deps, s, certificate, plan.afterIssue);
  };
}
