import {
  ZBillProfile,
  ZBillProfileInput,
  ZLdRatePlan,
  ZLdRatePlanInput,
  ZLineType,
  ZLineTypeInput,
  type TBillProfile,
  type TLdRatePlan,
  type TLineType,
} from '@linedesk/domain';
import { billProfiles, ldRatePlans, lineTypes } from '../catalog.schema.js';
import { simpleEntity } from './simple-entity.js';

export const billProfileEntity = simpleEntity<typeof ZBillProfileInput, TBillProfile>({
  type: 'bill_profile',
  path: 'bill-profiles',
  label: 'bill profile',
  input: ZBillProfileInput,
  view: ZBillProfile,
  table: billProfiles,
});

export const lineTypeEntity = simpleEntity<typeof ZLineTypeInput, TLineType>({
  type: 'line_type',
  path: 'line-types',
  label: 'line type',
  input: ZLineTypeInput,
  view: ZLineType,
  table: lineTypes,
  sortByDisplayOrder: true,
});

export const ldRatePlanEntity = simpleEntity<typeof ZLdRatePlanInput, TLdRatePlan>({
  type: 'ld_rate_plan',
  path: 'ld-rate-plans',
  label: 'long-distance rate plan',
  input: ZLdRatePlanInput,
  view: ZLdRatePlan,
  table: ldRatePlans,
});
