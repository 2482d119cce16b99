import { ZCarrier, ZCarrierInput, type TCarrier, type TCarrierData } from '@linedesk/domain';
import { asc } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../../db/client.js';
import { maskSecret, openOrNull, type SecretBox } from '../../../security/secret-box.js';
import { and, eq, inArray, iso, listConditions, lockRowOf, resolveCodes, type CatalogEntity } from '../catalog-entity.js';
import { billProfiles, carriers, lineTypes, type CarrierRow } from '../catalog.schema.js';

async function load(db: DbOrTx, where: Parameters<typeof and>, secrets: SecretBox): Promise<TCarrier[]> {
  const rows = await db
    .select({ carrier: carriers, billProfileCode: billProfiles.code })
    .from(carriers)
    .leftJoin(billProfiles, eq(billProfiles.id, carriers.defaultBillProfileId))
    .where(and(...where))
    .orderBy(asc(carriers.displayOrder), asc(carriers.name));
  return rows.map(({ carrier, billProfileCode }) => toView(carrier, billProfileCode, secrets));
}

function toView(row: CarrierRow, billProfileCode: string | null, secrets: SecretBox): TCarrier {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    displayOrder: row.displayOrder,
    defaultBillProfileCode: billProfileCode,
    orderTypes: row.orderTypes,
    populatesProducts: row.populatesProducts,
    identifierRequirements: row.identifierRequirements,
    numberAssignment: row.numberAssignment,
    provisioning: {
      adapter: row.provisioningAdapter,
      endpoint: row.provisioningEndpoint,
      accountId: row.provisioningAccountId,
      credential: maskSecret(secrets, row.provisioningCredentialSealed),
      webhookSecret: maskSecret(secrets, row.webhookSecretSealed),
    },
    flowThrough: row.flowThrough,
    isActive: row.isActive,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** A secret left out keeps what is stored; null clears it; a value is sealed. */
function sealedOrKept(secrets: SecretBox, value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  return value === null ? null : secrets.seal(value);
}

async function resolveReferences(tx: Tx, input: TCarrierData, prefix: string): Promise<string | null> {
  await resolveCodes(
    tx,
    lineTypes,
    input.identifierRequirements.map((rule, index) => ({ code: rule.lineTypeCode, field: `${prefix}.identifierRequirements.${index}.lineTypeCode` })),
    'line type',
  );
  if (!input.defaultBillProfileCode) return null;
  const ids = await resolveCodes(tx, billProfiles, [{ code: input.defaultBillProfileCode, field: `${prefix}.defaultBillProfileCode` }], 'bill profile');
  return ids.get(input.defaultBillProfileCode) ?? null;
}

export const carrierEntity: CatalogEntity<typeof ZCarrierInput, TCarrier> = {
  type: 'carrier',
  path: 'carriers',
  label: 'carrier',
  input: ZCarrierInput,
  view: ZCarrier,
  keyOf: (input) => input.code,
  lock: lockRowOf(carriers),
  list: (db, query, secrets) => load(db, listConditions(carriers, query), secrets),
  get: (db, ids, secrets) => load(db, [inArray(carriers.id, ids)], secrets),
  findId: async (db, input) => (await db.select({ id: carriers.id }).from(carriers).where(eq(carriers.code, input.code)))[0]?.id ?? null,
  write: async (tx, id, input, { secrets, fieldPrefix }) => {
    const defaultBillProfileId = await resolveReferences(tx, input, fieldPrefix);
    const { provisioning } = input;
    const values = {
      code: input.code,
      name: input.name,
      displayOrder: input.displayOrder,
      defaultBillProfileId,
      orderTypes: input.orderTypes,
      populatesProducts: input.populatesProducts,
      identifierRequirements: input.identifierRequirements,
      numberAssignment: input.numberAssignment,
      provisioningAdapter: provisioning.adapter,
      provisioningEndpoint: provisioning.endpoint,
      provisioningAccountId: provisioning.accountId,
      provisioningCredentialSealed: sealedOrKept(secrets, provisioning.credential),
      webhookSecretSealed: sealedOrKept(secrets, provisioning.webhookSecret),
      flowThrough: input.flowThrough,
      isActive: input.isActive,
      updatedAt: new Date(),
    };
    if (id) {
      await tx.update(carriers).set(values).where(eq(carriers.id, id));
      return id;
    }
    const [row] = await tx.insert(carriers).values(values).returning({ id: carriers.id });
    if (!row) throw new Error('insert returned no row');
    return row.id;
  },
  secretChanges: ({ provisioning }) => ({
    ...(provisioning.credential === undefined ? {} : { provisioningCredential: provisioning.credential ? 'set' : 'cleared' }),
    ...(provisioning.webhookSecret === undefined ? {} : { webhookSecret: provisioning.webhookSecret ? 'set' : 'cleared' }),
  }),
  canonical: (input) => {
    const { credential: _c, webhookSecret: _w, ...provisioning } = input.provisioning;
    return { ...input, provisioning };
  },
  secretsDiffer: async (tx, id, input, secrets) => {
    const [row] = await tx
      .select({ credential: carriers.provisioningCredentialSealed, webhookSecret: carriers.webhookSecretSealed })
      .from(carriers)
      .where(eq(carriers.id, id));
    const differs = (given: string | null | undefined, sealed: string | null | undefined) =>
      given !== undefined && given !== openOrNull(secrets, sealed ?? null);
    return differs(input.provisioning.credential, row?.credential) || differs(input.provisioning.webhookSecret, row?.webhookSecret);
  },
  // Secrets stay out: an export never carries them, and an import without them keeps what is stored.
  toInput: (view) => ({
    code: view.code,
    name: view.name,
    displayOrder: view.displayOrder,
    defaultBillProfileCode: view.defaultBillProfileCode,
    orderTypes: view.orderTypes,
    populatesProducts: view.populatesProducts,
    identifierRequirements: view.identifierRequirements,
    numberAssignment: view.numberAssignment,
    provisioning: { adapter: view.provisioning.adapter, endpoint: view.provisioning.endpoint, accountId: view.provisioning.accountId },
    flowThrough: view.flowThrough,
    isActive: view.isActive,
  }),
};
