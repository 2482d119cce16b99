import {
  appliesToOrderType,
  isIncludedByDefault,
  isOnOfferedLine,
  offerTotals,
  priceProduct,
  type TOfferedProduct,
  type TPackageOffer,
  type WizardOrderType,
} from '@linedesk/domain';
import { and, asc, eq } from 'drizzle-orm';
import { readTogether, type DbOrTx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { carriers, ldRatePlans, lineTypes, packageLineTypes, packageProducts, packages, products } from '../catalog.schema.js';
import { offeredPackageConditions } from './offered-packages-query.js';

/**
 * What choosing a package puts on a line for this order type: its products (required and default
 * ones, priced with the package's overrides), the optional ones the agent may add, and its long-
 * distance rates. A carrier that does not populate leaves Products and Long Distance Rates empty
 * and offers every product for the agent to add by hand. The result is a self-contained copy: a
 * line keeps it as its snapshot.
 */
export async function getPackageOffer(options: {
  db: DbOrTx;
  carrierCode: string;
  packageCode: string;
  orderType: WizardOrderType;
}): Promise<TPackageOffer> {
  const { db, carrierCode, packageCode, orderType } = options;
  const [found] = await db
    .select({ pkg: packages, populatesProducts: carriers.populatesProducts, plan: ldRatePlans })
    .from(packages)
    .innerJoin(carriers, eq(carriers.id, packages.carrierId))
    .leftJoin(ldRatePlans, and(eq(ldRatePlans.id, packages.ldRatePlanId), eq(ldRatePlans.isActive, true)))
    .where(and(offeredPackageConditions(carrierCode, orderType), eq(packages.code, packageCode)));
  if (!found) throw new AppError('NOT_FOUND', `Package ${packageCode} is not offered by ${carrierCode} for ${orderType} orders`);
  const { pkg, populatesProducts, plan } = found;

  const [links, typeLinks] = await readTogether(db, [
    () =>
      db
        .select({ link: packageProducts, product: products })
        .from(packageProducts)
        .innerJoin(products, eq(products.id, packageProducts.productId))
        .where(and(eq(packageProducts.packageId, pkg.id), eq(products.isActive, true)))
        .orderBy(asc(packageProducts.position)),
    () =>
      db
        .select({ code: lineTypes.code })
        .from(packageLineTypes)
        .innerJoin(lineTypes, eq(lineTypes.id, packageLineTypes.lineTypeId))
        .where(and(eq(packageLineTypes.packageId, pkg.id), eq(lineTypes.isActive, true)))
        .orderBy(asc(lineTypes.displayOrder)),
  ]);
  const offered: TOfferedProduct[] = links
    .filter(({ link }) => appliesToOrderType(link.orderType, orderType))
    .map(({ link, product }) => ({
      productCode: product.code,
      name: product.name,
      kind: product.kind,
      isTaxable: product.isTaxable,
      inclusion: link.inclusion,
      orderType: link.orderType,
      ...priceProduct({
        catalogMonthlyCents: product.monthlyCents,
        catalogOneTimeCents: product.oneTimeCents,
        monthlyOverrideCents: link.monthlyOverrideCents,
        quantity: link.quantity,
      }),
    }));
  // One rule, shared with the package editor's totals, decides what is on the line.
  const onLine = offered.filter((p) => isOnOfferedLine({ ...p, isActive: true }, orderType, populatesProducts));
  const available = populatesProducts ? offered.filter((p) => !isIncludedByDefault(p.inclusion)) : offered;
  return {
    carrierCode,
    orderType,
    package: {
      code: pkg.code,
      name: pkg.name,
      description: pkg.description,
      lineTypeCodes: typeLinks.map((t) => t.code),
      monthlyCents: pkg.monthlyCents,
      activationFeeCents: pkg.activationFeeCents,
    },
    populatesProducts,
    products: onLine,
    availableProducts: available,
    ldRates:
      populatesProducts && plan
        ? {
            planCode: plan.code,
            planName: plan.name,
            domesticPerMinuteMillicents: plan.domesticPerMinuteMillicents,
            internationalRates: plan.internationalRates,
          }
        : null,
    totals: offerTotals({
      pkg,
      products: links.map(({ link, product }) => ({
        monthlyCents: product.monthlyCents,
        oneTimeCents: product.oneTimeCents,
        monthlyOverrideCents: link.monthlyOverrideCents,
        quantity: link.quantity,
        inclusion: link.inclusion,
        orderType: link.orderType,
        isActive: product.isActive,
      })),
      orderType,
      populatesProducts,
    }),
  };
}
