import type { WizardOrderType } from '@linedesk/domain';
import { and, arrayContains, eq, type SQL } from 'drizzle-orm';
import { carriers, packages } from '../catalog.schema.js';

/** The conditions under which a package is offered: active, of an active carrier, sold on this order type. */
export function offeredPackageConditions(carrierCode: string, orderType: WizardOrderType): SQL | undefined {
  return and(
    eq(carriers.code, carrierCode),
    eq(carriers.isActive, true),
    eq(packages.isActive, true),
    arrayContains(packages.orderTypes, [orderType]),
    arrayContains(carriers.orderTypes, [orderType]),
  );
}
