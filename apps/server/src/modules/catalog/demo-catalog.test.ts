import { PRODUCT_KINDS, ZCatalogDocument, type IdentifierKind, type TIdentifierRequirement } from '@linedesk/domain';
import { describe, expect, it } from 'vitest';
import { DEMO_CATALOG } from './demo-catalog.js';

/** Whether the requirement has a group met by exactly these kinds ('MEID', 'ESN' = MEID or ESN). */
const needs = (requirement: TIdentifierRequirement, ...group: IdentifierKind[]) =>
  requirement.requires.some((kinds) => kinds.length === group.length && group.every((kind) => kinds.includes(kind)));

describe('the demo catalog', () => {
  const catalog = ZCatalogDocument.parse(DEMO_CATALOG);
  const codes = <T extends { code: string }>(list: T[]) => new Set(list.map((item) => item.code));
  const lineTypeCodes = codes(catalog.lineTypes);
  const ldPlanCodes = codes(catalog.ldRatePlans);
  const billProfileCodes = codes(catalog.billProfiles);
  const carrierCodes = codes(catalog.carriers);
  const agentCodes = codes(catalog.agents);
  const productKey = (carrierCode: string, code: string) => `${carrierCode}|${code}`;
  const productKeys = new Set(catalog.products.map((p) => productKey(p.carrierCode, p.code)));

  it('should parse as a catalog document', () => {
    expect(() => ZCatalogDocument.parse(DEMO_CATALOG)).not.toThrow();
    expect(catalog).toMatchObject({ format: 'linedesk-catalog', version: 1 });
  });

  it('should keep every code unique within its kind', () => {
    const lists: { code: string }[][] = [catalog.billProfiles, catalog.agents, catalog.lineTypes, catalog.ldRatePlans, catalog.carriers, catalog.packages];
    for (const list of lists) {
      expect(codes(list).size).toBe(list.length);
    }
    expect(productKeys.size).toBe(catalog.products.length);
  });

  it('should offer at least 3 carriers: one GSM (IMEI + ICCID), one CDMA (MEID or ESN), one that does not populate products', () => {
    expect(catalog.carriers.length).toBeGreaterThanOrEqual(3);
    expect(catalog.carriers.some((c) => c.identifierRequirements.some((r) => needs(r, 'IMEI') && needs(r, 'ICCID')))).toBe(true);
    expect(catalog.carriers.some((c) => c.identifierRequirements.some((r) => needs(r, 'MEID', 'ESN')))).toBe(true);
    expect(catalog.carriers.some((c) => !c.populatesProducts)).toBe(true);
  });

  it('should give each carrier at least 3 active packages across at least 3 line types', () => {
    for (const carrier of catalog.carriers) {
      const active = catalog.packages.filter((p) => p.carrierCode === carrier.code && p.isActive);
      expect(active.length, carrier.code).toBeGreaterThanOrEqual(3);
      expect(new Set(active.flatMap((p) => p.lineTypeCodes)).size, carrier.code).toBeGreaterThanOrEqual(3);
    }
  });

  it('should hold at least 20 products with every product kind present', () => {
    expect(catalog.products.length).toBeGreaterThanOrEqual(20);
    expect(new Set(catalog.products.map((p) => p.kind))).toEqual(new Set(PRODUCT_KINDS));
  });

  it('should price discounts below zero and everything else at or above zero', () => {
    for (const product of catalog.products) {
      if (product.kind === 'discount') expect(Math.min(product.monthlyCents, product.oneTimeCents), product.code).toBeLessThan(0);
      else expect(Math.min(product.monthlyCents, product.oneTimeCents), product.code).toBeGreaterThanOrEqual(0);
    }
  });

  it('should have a long-distance plan covering at least 30 countries', () => {
    expect(Math.max(...catalog.ldRatePlans.map((plan) => plan.internationalRates.length))).toBeGreaterThanOrEqual(30);
  });

  it('should have 2 bill profiles, one default residential and one default business', () => {
    expect(catalog.billProfiles).toHaveLength(2);
    expect(catalog.billProfiles.filter((b) => b.isDefaultResidential)).toHaveLength(1);
    expect(catalog.billProfiles.filter((b) => b.isDefaultBusiness)).toHaveLength(1);
  });

  it('should have 3 agents in a dealer hierarchy whose parents resolve', () => {
    expect(catalog.agents).toHaveLength(3);
    const children = catalog.agents.filter((a) => a.parentCode !== null);
    expect(children.length).toBeGreaterThan(0);
    for (const agent of children) {
      expect(agentCodes.has(agent.parentCode as string), agent.code).toBe(true);
      expect(agent.parentCode).not.toBe(agent.code);
    }
  });

  it('should resolve every carrier reference: bill profile and identifier requirement line types', () => {
    for (const carrier of catalog.carriers) {
      expect(carrier.defaultBillProfileCode, carrier.code).not.toBeNull();
      expect(billProfileCodes.has(carrier.defaultBillProfileCode as string), carrier.code).toBe(true);
      for (const requirement of carrier.identifierRequirements) {
        expect(lineTypeCodes.has(requirement.lineTypeCode), `${carrier.code} ${requirement.lineTypeCode}`).toBe(true);
      }
    }
  });

  it('should carry no provisioning secrets', () => {
    for (const carrier of catalog.carriers) {
      expect(carrier.provisioning.credential ?? null, carrier.code).toBeNull();
      expect(carrier.provisioning.webhookSecret ?? null, carrier.code).toBeNull();
    }
  });

  it('should resolve every product and package reference', () => {
    for (const product of catalog.products) expect(carrierCodes.has(product.carrierCode), product.code).toBe(true);
    for (const pkg of catalog.packages) {
      const carrier = catalog.carriers.find((c) => c.code === pkg.carrierCode);
      expect(carrier, pkg.code).toBeDefined();
      if (!carrier) continue;
      for (const lineTypeCode of pkg.lineTypeCodes) {
        expect(lineTypeCodes.has(lineTypeCode), `${pkg.code} ${lineTypeCode}`).toBe(true);
        // The carrier says which identifiers a line of this type needs.
        expect(carrier.identifierRequirements.some((r) => r.lineTypeCode === lineTypeCode), `${pkg.code} ${lineTypeCode}`).toBe(true);
      }
      for (const orderType of pkg.orderTypes) expect(carrier.orderTypes, pkg.code).toContain(orderType);
      expect(pkg.orderTypes, pkg.code).toContain('NEW');
      if (pkg.ldRatePlanCode !== null) expect(ldPlanCodes.has(pkg.ldRatePlanCode), pkg.code).toBe(true);
      for (const item of pkg.products) {
        expect(productKeys.has(productKey(pkg.carrierCode, item.productCode)), `${pkg.code} ${item.productCode}`).toBe(true);
      }
    }
  });

  it('should restrict at least one package product to NEW and one to CONVERSION', () => {
    const restrictions = new Set(catalog.packages.flatMap((p) => p.products.map((item) => item.orderType)));
    expect(restrictions).toContain('NEW');
    expect(restrictions).toContain('CONVERSION');
  });
});
