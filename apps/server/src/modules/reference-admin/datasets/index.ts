import { referenceDatasetKeys, type ReferenceDatasetKey } from '@ccc/domain';
import { AppError } from '../../../lib/app-error';
import type { DatasetDef } from '../dataset';
import { bureausDataset } from './bureaus';
import { calendarDaysDataset } from './calendar-days';
import { cccCategoriesDataset, cccHsMappingsDataset, cccProductsDataset } from './ccc';
import {
  addressTypesDataset,
  applicantTypesDataset,
  attachmentTypesDataset,
  clausesDataset,
  requirementsDataset,
  subClausesDataset,
} from './domain-lists';
import { hsCodesDataset } from './hs-codes';

/** Every dataset of 基础数据管理, in the contract's order. */
const all: DatasetDef[] = [
  hsCodesDataset,
  cccCategoriesDataset,
  cccProductsDataset,
  cccHsMappingsDataset,
  bureausDataset,
  clausesDataset,
  subClausesDataset,
  applicantTypesDataset,
  attachmentTypesDataset,
  requirementsDataset,
  addressTypesDataset,
  calendarDaysDataset,
];

const byKey = new Map<string, DatasetDef>(all.map((d) => [d.key, d]));

export const referenceDatasets: DatasetDef[] = referenceDatasetKeys.map((k) => byKey.get(k)!);

/** The dataset named in a URL; 404 for any other name. */
export function datasetOf(key: string): DatasetDef {
  const d = byKey.get(key);
  if (!d) throw new AppError('NOT_FOUND');
  return d;
}

export type { ReferenceDatasetKey };
