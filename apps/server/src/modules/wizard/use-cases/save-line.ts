import {
  checkWizardLine,
  parseLineIdentifiers,
  allowedIdentifierKinds,
  snapshotLineProducts,
  ZWizardLineInput,
  type Role,
  PRICE_OVERRIDE_ROLES,
  type TWizardDraft,
  type TWizardLineInput,
  type TWizardStart,
} from '@linedesk/domain';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { fieldsError, parseOrThrow } from '../../../http/validate.js';
import type { SecretBox } from '../../../security/secret-box.js';
import { getPackageOffer } from '../../catalog/use-cases/get-package-offer.js';
import { listOfferedCarriers } from '../../catalog/use-cases/list-offered-carriers.js';
import { listOfferedLineTypes } from '../../catalog/use-cases/list-offered-line-types.js';
import { nextSecret, type StoredLine } from '../draft-data.js';
import { changeDraft, type DraftChange } from '../draft-step.js';

/**
 * Step 4's Save: a line checked against the catalog (the carrier's line type, a package sold for it
 * and the order type, the properties the line type declares, the number request or port-in, the
 * identifiers the carrier takes, products from the package) and kept with its own copy of products,
 * prices and long-distance rates. `lineId` edits a saved line; without it the line is added.
 */
export async function saveLine(change: DraftChange & { lineId?: string; input: TWizardLineInput; role: Role; secrets: SecretBox }): Promise<TWizardDraft> {
  const { lineId, role, secrets } = change;
  return changeDraft(change, lineId ? 'update_line' : 'add_line', async (tx, row) => {
    const existing = lineId ? row.data.lines.find((line) => line.id === lineId) : undefined;
    if (lineId && !existing) throw new AppError('NOT_FOUND', 'No such line on this draft');
    const line = await buildLine(tx, row.data.start, { input: change.input, role, secrets, existing, id: lineId ?? randomUUID() });
    const lines = existing ? row.data.lines.map((l) => (l.id === lineId ? line : l)) : [...row.data.lines, line];
    return { ...row.data, lines };
  });
}

/**
 * One line checked against the catalog and kept with its copies, as the Lines page saves it: for a draft
 * (its first step's carrier and order type) and for an order an integrator posts (flows/create-api-order.ts).
 */
export async function buildLine(
  tx: Tx,
  start: Pick<TWizardStart, 'carrierCode' | 'orderType'> | null,
  options: { input: TWizardLineInput; role: Role; secrets: SecretBox; existing: StoredLine | undefined; id: string },
): Promise<StoredLine> {
  if (!start) throw new AppError('RULE_VIOLATED', 'Choose the Carrier and Order Type first');
  const input = parseOrThrow(ZWizardLineInput, options.input);
  const { carrierCode } = start;
  const orderType = input.orderType ?? start.orderType;
  const carrier = (await listOfferedCarriers({ db: tx })).find((c) => c.code === carrierCode);
  if (!carrier) throw new AppError('RULE_VIOLATED', `${carrierCode} is no longer an active carrier; choose another on the first step`);
  if (orderType === 'CONVERSION' && start.orderType === 'NEW') {
    throw AppError.field('VALIDATION_FAILED', 'body.orderType', 'conversion_order', 'A port-in line needs a Conversion order: change the Order Type on the first step');
  }
  if (!carrier.orderTypes.includes(orderType)) {
    throw AppError.field('VALIDATION_FAILED', 'body.orderType', 'offered', `${carrier.name} does not take ${orderType === 'NEW' ? 'new' : 'port-in'} lines`);
  }
  const lineType = (await listOfferedLineTypes({ db: tx, carrierCode, orderType })).find((t) => t.code === input.lineTypeCode);
  if (!lineType) throw AppError.field('VALIDATION_FAILED', 'body.lineTypeCode', 'offered', `${carrier.name} has no packages for line type ${input.lineTypeCode}`);
  const offer = await getPackageOffer({ db: tx, carrierCode, packageCode: input.packageCode, orderType }).catch(() => null);
  if (!offer || !offer.package.lineTypeCodes.includes(input.lineTypeCode)) {
    throw AppError.field('VALIDATION_FAILED', 'body.packageCode', 'offered', `${input.packageCode} is not sold for ${lineType.name} on ${carrier.name} ${orderType} orders`);
  }
  const storedPin = options.existing?.portIn?.pin ?? null;
  const issues = checkWizardLine(input, {
    orderType,
    carrier,
    lineType,
    offer,
    canOverridePrices: (PRICE_OVERRIDE_ROLES as readonly Role[]).includes(options.role),
    hasStoredPortInPin: storedPin !== null,
  });
  if (issues.length) throw fieldsError(issues);
  const { products, charges } = snapshotLineProducts(input.products, offer);
  const { identifiers } = parseLineIdentifiers(input.identifiers, allowedIdentifierKinds(carrier, input.lineTypeCode));
  return {
    id: options.id,
    orderType,
    lineTypeCode: lineType.code,
    lineTypeName: lineType.name,
    package: { code: offer.package.code, name: offer.package.name, monthlyCents: offer.package.monthlyCents, activationFeeCents: offer.package.activationFeeCents },
    properties: input.properties,
    areaCode: orderType === 'NEW' && carrier.numberAssignment === 'AREA_CODE' ? input.areaCode : null,
    numberZip: orderType === 'NEW' && carrier.numberAssignment === 'ZIP' ? input.numberZip : null,
    portIn: input.portIn
      ? { ...input.portIn, pin: nextSecret(options.secrets, input.portIn.pin, storedPin, () => '••••') }
      : null,
    deviceSource: input.deviceSource,
    identifiers,
    products,
    ldRates: offer.ldRates,
    charges,
    description: input.description,
  };
}
