import type { TCarrier, TCarrierInput, TCatalogDocument } from '@linedesk/domain';
import type { CatalogEntity, CatalogInput, CatalogView } from '../hooks/api/catalog';

/** How screens and messages name each kind of record. */
export const CATALOG_NOUNS: Record<CatalogEntity, { one: string; many: string }> = {
  carriers: { one: 'carrier', many: 'carriers' },
  packages: { one: 'package', many: 'packages' },
  products: { one: 'product', many: 'products' },
  'line-types': { one: 'line type', many: 'line types' },
  'ld-rate-plans': { one: 'rate plan', many: 'rate plans' },
  'bill-profiles': { one: 'bill profile', many: 'bill profiles' },
  agents: { one: 'agent', many: 'agents' },
};

export function countOf(count: number, noun: { one: string; many: string }): string {
  return `${count} ${count === 1 ? noun.one : noun.many}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A stored record as the full input its PUT takes. Carrier secrets are left out, which tells the
 * server to keep them: the browser never holds their values.
 */
export function recordToInput<E extends CatalogEntity>(entity: E, record: CatalogView<E>): CatalogInput<E> {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...rest } = record;
  if (entity === 'carriers') return carrierToInput(record as TCarrier) as CatalogInput<E>;
  return rest as CatalogInput<E>;
}

function carrierToInput(carrier: TCarrier): TCarrierInput {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, provisioning, ...rest } = carrier;
  return { ...rest, provisioning: { adapter: provisioning.adapter, endpoint: provisioning.endpoint, accountId: provisioning.accountId } };
}

/**
 * Select options for records another form points at: active ones, plus the ones already chosen
 * even when inactive (marked), so an edit never silently drops a reference.
 */
export function referenceOptions(
  records: readonly { code: string; name: string; isActive: boolean }[] | undefined,
  chosen: readonly (string | null)[] = [],
): { value: string; label: string }[] {
  return (records ?? [])
    .filter((record) => record.isActive || chosen.includes(record.code))
    .map((record) => ({ value: record.code, label: `${record.name} (${record.code})${record.isActive ? '' : ' · inactive'}` }));
}

/** The record lists of a catalog document, in menu order, with how to name their counts. */
export const CATALOG_DOCUMENT_SECTIONS = [
  { key: 'carriers', noun: CATALOG_NOUNS.carriers },
  { key: 'packages', noun: CATALOG_NOUNS.packages },
  { key: 'products', noun: CATALOG_NOUNS.products },
  { key: 'lineTypes', noun: CATALOG_NOUNS['line-types'] },
  { key: 'ldRatePlans', noun: CATALOG_NOUNS['ld-rate-plans'] },
  { key: 'billProfiles', noun: CATALOG_NOUNS['bill-profiles'] },
  { key: 'agents', noun: CATALOG_NOUNS.agents },
] as const satisfies readonly { key: keyof TCatalogDocument; noun: { one: string; many: string } }[];

/** "3 carriers, 12 products, …" for the lists a document holds; empty lists are left out. */
export function describeCatalogDocument(document: Partial<Record<keyof TCatalogDocument, unknown>>): string {
  const parts = CATALOG_DOCUMENT_SECTIONS.flatMap(({ key, noun }) => {
    const list = document[key];
    return Array.isArray(list) && list.length > 0 ? [countOf(list.length, noun)] : [];
  });
  return parts.length > 0 ? parts.join(', ') : 'no records';
}
