import { describe, expect, it } from 'vitest';
import { productBodySchema } from './application-products';
import { makeApplicationBodySchema, type ApplicationReference } from './applications';
import { zhCN } from '../messages/zh-CN';

/** The shipped clauses' rules (reference data, as GET /api/reference/clauses gives them). */
const reference: ApplicationReference = {
  clauses: [
    {
      code: '01',
      requiresSubClause: true,
      requiresApplicantType: true,
      requiresDisplayPeriod: false,
      subClauses: [
        { code: 'research', name: '科研' },
        { code: 'ccc_sample', name: 'CCC认证检测' },
      ],
      applicantTypes: [{ code: 'testing_body', name: '检测机构' }],
    },
    {
      code: '02',
      requiresSubClause: false,
      requiresApplicantType: true,
      requiresDisplayPeriod: false,
      subClauses: [],
      applicantTypes: [{ code: 'repairer', name: '维修单位' }],
    },
    {
      code: '03',
      requiresSubClause: false,
      requiresApplicantType: false,
      requiresDisplayPeriod: false,
      subClauses: [],
      applicantTypes: [],
    },
    {
      code: '04',
      requiresSubClause: false,
      requiresApplicantType: false,
      requiresDisplayPeriod: true,
      subClauses: [],
      applicantTypes: [],
    },
  ],
  addressTypes: [{ code: 'registered' }, { code: 'business' }],
};

const complete = {
  clauseCode: '03',
  locationDivisionCode: '440305',
  locationAddressTypeCode: 'registered',
  locationAddress: '深圳市南山区科技园1号',
  useDivisionCode: '440305',
  useAddress: '深圳市南山区工厂2号',
  bureauCode: '440000',
  invoiceNo: 'INV-1',
  productFeatures: '特点',
  exemptionReason: '原因',
  safetyAssurance: '保证',
};

function issues(body: Record<string, unknown>, mode: 'draft' | 'complete' = 'complete') {
  const r = makeApplicationBodySchema(reference, { mode }).safeParse(body);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('application form schema', () => {
  it('accepts a complete application and nulls what is empty', () => {
    const r = makeApplicationBodySchema(reference, { mode: 'complete' }).parse({
      ...complete,
      contractNo: '  ',
    });
    expect(r.contractNo).toBeNull();
    expect(r.subClauseCode).toBeNull();
    expect(r.displayStartDate).toBeNull();
  });

  it('requires a second-level clause and an applicant type only where the clause does', () => {
    expect(issues({ ...complete, clauseCode: '01' })).toEqual({
      subClauseCode: 'v.application.subClause',
      applicantTypeCode: 'v.application.applicantType',
    });
    expect(issues({ ...complete, clauseCode: '02' })).toEqual({
      applicantTypeCode: 'v.application.applicantType',
    });
    expect(
      issues({ ...complete, clauseCode: '01', subClauseCode: 'research', applicantTypeCode: 'testing_body' }),
    ).toEqual({});
  });

  it('refuses a second-level clause or applicant type of another clause', () => {
    expect(
      issues({ ...complete, clauseCode: '02', subClauseCode: 'research', applicantTypeCode: 'testing_body' }),
    ).toEqual({
      subClauseCode: 'v.application.subClauseNotOfClause',
      applicantTypeCode: 'v.application.applicantTypeNotOfClause',
    });
    // also in a draft: membership is checked whenever something is filled in
    expect(
      issues(
        { clauseCode: '03', subClauseCode: 'research', locationDivisionCode: '440305', bureauCode: '440000' },
        'draft',
      ),
    ).toEqual({
      subClauseCode: 'v.application.subClauseNotOfClause',
    });
  });

  it('refuses unknown or disabled clauses and address types', () => {
    expect(issues({ ...complete, clauseCode: '09' })).toEqual({
      clauseCode: 'v.application.clauseUnavailable',
    });
    expect(issues({ ...complete, locationAddressTypeCode: 'warehouse' })).toEqual({
      locationAddressTypeCode: 'v.application.addressTypeUnavailable',
    });
  });

  it('needs at least one of the three document numbers and names all three', () => {
    expect(issues({ ...complete, invoiceNo: '' })).toEqual({
      billOfLadingNo: 'v.application.documentNumbers',
      contractNo: 'v.application.documentNumbers',
      invoiceNo: 'v.application.documentNumbers',
    });
    expect(issues({ ...complete, invoiceNo: null, billOfLadingNo: 'BL-9' })).toEqual({});
  });

  it('asks clause 04 for the display period in order and the disposal; others drop them', () => {
    expect(issues({ ...complete, clauseCode: '04' })).toEqual({
      displayStartDate: 'v.required',
      displayEndDate: 'v.required',
      postDisplayDisposal: 'v.required',
    });
    expect(
      issues({
        ...complete,
        clauseCode: '04',
        displayStartDate: '2026-05-02',
        displayEndDate: '2026-05-01',
        postDisplayDisposal: '退运',
      }),
    ).toEqual({ displayEndDate: 'v.application.displayPeriod' });
    expect(issues({ ...complete, clauseCode: '04', displayStartDate: '2026-02-30' })).toMatchObject({
      displayStartDate: 'v.date',
    });
    const other = makeApplicationBodySchema(reference).parse({ ...complete, displayStartDate: '2026-05-01' });
    expect(other.displayStartDate).toBeNull();
  });

  it('limits the lengths', () => {
    expect(issues({ ...complete, locationAddress: 'x'.repeat(301) })).toEqual({
      locationAddress: 'v.tooLong',
    });
    expect(issues({ ...complete, productFeatures: '字'.repeat(4000) })).toEqual({});
    expect(issues({ ...complete, productFeatures: '字'.repeat(4001) })).toEqual({
      productFeatures: 'v.tooLong',
    });
    expect(issues({ ...complete, invoiceNo: 'x'.repeat(101) })).toEqual({ invoiceNo: 'v.tooLong' });
  });

  it('lets a draft be incomplete, but not without what the number needs', () => {
    expect(
      issues({ clauseCode: '01', locationDivisionCode: '440305', bureauCode: '440000' }, 'draft'),
    ).toEqual({});
    expect(issues({}, 'draft')).toEqual({
      clauseCode: 'v.application.clause',
      locationDivisionCode: 'v.division',
      bureauCode: 'v.application.bureau',
    });
  });

  it('every message is a key of the locale files', () => {
    const all = issues({ clauseCode: '04', locationDivisionCode: 'x', bureauCode: '1' });
    for (const key of Object.values(all)) expect(Object.keys(zhCN)).toContain(key);
  });
});

describe('product schema', () => {
  const product = { hsCode: '8414301300', productName: '压缩机', model: 'X-1', quantity: '2', unit: '台' };

  it('normalises the HS code and the quantity', () => {
    const r = productBodySchema.parse({ ...product, hsCode: '８４１４.３０.１３００', quantity: '0010.500' });
    expect(r.hsCode).toBe('8414301300');
    expect(r.quantity).toBe('10.5');
    expect(r.brand).toBeNull();
  });

  it('names each problem', () => {
    const problems = (body: Record<string, unknown>) => {
      const r = productBodySchema.safeParse(body);
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
    };
    expect(problems({ ...product, quantity: '1.0001' })).toEqual({ quantity: 'v.quantity.decimals' });
    expect(problems({ ...product, quantity: '0' })).toEqual({ quantity: 'v.quantity.positive' });
    expect(problems({ ...product, quantity: '' })).toEqual({ quantity: 'v.required' });
    expect(problems({ ...product, hsCode: '84143013' })).toEqual({ hsCode: 'v.hsCode' });
    expect(problems({ ...product, productName: ' ', model: 'm'.repeat(2001), unit: 'u'.repeat(21) })).toEqual(
      {
        productName: 'v.required',
        model: 'v.tooLong',
        unit: 'v.tooLong',
      },
    );
    expect(problems({ ...product, purpose: 'p'.repeat(10001), brand: 'b'.repeat(201) })).toEqual({
      purpose: 'v.tooLong',
      brand: 'v.tooLong',
    });
  });
});
