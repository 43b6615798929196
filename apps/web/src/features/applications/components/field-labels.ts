import type { ApplicationFields } from '@ccc/domain';

/** The label (a locale key) of each field of the application form, as the manual names it. */
export const applicationFieldLabels: Record<keyof ApplicationFields, string> = {
  clauseCode: 'apps.f.clause',
  subClauseCode: 'apps.f.subClause',
  applicantTypeCode: 'apps.f.applicantType',
  locationDivisionCode: 'apps.f.locationDivision',
  locationAddressTypeCode: 'apps.f.addressType',
  locationAddress: 'apps.f.locationAddress',
  useDivisionCode: 'apps.f.useDivision',
  useAddress: 'apps.f.useAddress',
  bureauCode: 'apps.f.bureau',
  billOfLadingNo: 'apps.f.billOfLadingNo',
  contractNo: 'apps.f.contractNo',
  invoiceNo: 'apps.f.invoiceNo',
  productFeatures: 'apps.f.productFeatures',
  exemptionReason: 'apps.f.exemptionReason',
  safetyAssurance: 'apps.f.safetyAssurance',
  displayStartDate: 'apps.f.displayPeriod',
  displayEndDate: 'apps.f.displayPeriod',
  postDisplayDisposal: 'apps.f.postDisplayDisposal',
};

export function fieldLabelKey(path: string): string | undefined {
  return (applicationFieldLabels as Record<string, string>)[path];
}
