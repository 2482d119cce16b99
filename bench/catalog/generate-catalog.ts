import { ZCatalogDocument, type TCatalogDocument, type TCatalogDocumentInput } from '@linedesk/domain';

/**
 * A catalog of configurable size for benchmarks: `carriers` carriers, each with `packagesPerCarrier`
 * packages over six line types and `productsPerCarrier` products (8 on each package).
 */
export function generateCatalog(size: { carriers: number; packagesPerCarrier: number; productsPerCarrier: number }): TCatalogDocument {
  const lineTypes = ['SMARTPHONE', 'BASIC', 'TABLET', 'HOTSPOT', 'WATCH', 'IOT'];
  const countries = Array.from({ length: 60 }, (_, i) => ({
    countryCode: `${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`,
    countryName: `Country ${i + 1}`,
    perMinuteMillicents: 1000 + i * 37,
  }));
  const document: TCatalogDocumentInput = {
    format: 'linedesk-catalog',
    version: 1,
    billProfiles: [{ code: 'BP', name: 'Bench profile' }],
    lineTypes: lineTypes.map((code, i) => ({
      code,
      name: code,
      displayOrder: i,
      properties: [{ key: 'userName', label: 'Line user name', kind: 'text', required: true, maxLength: 60 }],
    })),
    ldRatePlans: [{ code: 'LD', name: 'Bench world', domesticPerMinuteMillicents: 0, internationalRates: countries }],
    carriers: [],
    products: [],
    packages: [],
  };
  for (let c = 0; c < size.carriers; c += 1) {
    const carrierCode = `C${c}`;
    document.carriers?.push({ code: carrierCode, name: `Carrier ${c}`, orderTypes: ['NEW', 'CONVERSION'], defaultBillProfileCode: 'BP' });
    for (let p = 0; p < size.productsPerCarrier; p += 1) {
      document.products?.push({
        carrierCode,
        code: `C${c}P${p}`,
        name: `Product ${p}`,
        kind: (['plan', 'feature', 'add_on', 'fee', 'insurance'] as const)[p % 5] ?? 'plan',
        monthlyCents: 100 * (p % 40),
        oneTimeCents: p % 7 === 0 ? 1000 : 0,
      });
    }
    for (let k = 0; k < size.packagesPerCarrier; k += 1) {
      document.packages?.push({
        carrierCode,
        code: `C${c}K${k}`,
        name: `Package ${k}`,
        lineTypeCodes: [lineTypes[k % lineTypes.length] as string],
        orderTypes: k % 3 === 0 ? ['NEW'] : ['NEW', 'CONVERSION'],
        monthlyCents: 2000 + 100 * k,
        activationFeeCents: 2500,
        ldRatePlanCode: 'LD',
        products: Array.from({ length: 8 }, (_, j) => ({
          productCode: `C${c}P${(k + j * 3) % size.productsPerCarrier}`,
          inclusion: j < 5 ? ('required' as const) : ('optional' as const),
          orderType: j === 6 ? ('NEW' as const) : ('ALL' as const),
        })),
      });
    }
  }
  return ZCatalogDocument.parse(document);
}
