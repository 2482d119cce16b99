/** Order types. The wizard sells `NEW` and `CONVERSION` (port-in); the rest serve later work on existing lines. */
export const ORDER_TYPES = ['NEW', 'CONVERSION', 'ADD_LINE', 'CHANGE', 'MOVE', 'SUSPEND', 'RESTORE', 'DISCONNECT'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];
export const ORDER_TYPE_LABELS: Record<OrderType, string> = {
  NEW: 'New',
  CONVERSION: 'Conversion',
  ADD_LINE: 'Add line',
  CHANGE: 'Change',
  MOVE: 'Move',
  SUSPEND: 'Suspend',
  RESTORE: 'Restore',
  DISCONNECT: 'Disconnect',
};
export const WIZARD_ORDER_TYPES = ['NEW', 'CONVERSION'] as const satisfies readonly OrderType[];
export type WizardOrderType = (typeof WIZARD_ORDER_TYPES)[number];

/** Which order types a product on a package applies to (Rev.io's package product `order_type`). */
export const PACKAGE_PRODUCT_ORDER_TYPES = ['ALL', 'NEW', 'CONVERSION'] as const;
export type PackageProductOrderType = (typeof PACKAGE_PRODUCT_ORDER_TYPES)[number];

/** Device and SIM identifiers a carrier can require on a line. */
export const IDENTIFIER_KINDS = ['ICCID', 'IMEI', 'MEID', 'ESN', 'EID'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];
export const IDENTIFIER_KIND_LABELS: Record<IdentifierKind, string> = {
  ICCID: 'SIM (ICCID)',
  IMEI: 'Device (IMEI)',
  MEID: 'CDMA device (MEID)',
  ESN: 'CDMA device (ESN)',
  EID: 'eSIM (EID)',
};

/** How a carrier picks a new line's number: from the requested area code, or from a ZIP code. */
export const NUMBER_ASSIGNMENTS = ['AREA_CODE', 'ZIP'] as const;
export type NumberAssignment = (typeof NUMBER_ASSIGNMENTS)[number];

/** How orders reach a carrier: its activation API through the carrier gateway adapter, or by hand (in-house). */
export const PROVISIONING_ADAPTERS = ['carrier-gateway', 'manual'] as const;
export type ProvisioningAdapter = (typeof PROVISIONING_ADAPTERS)[number];

export const PRODUCT_KINDS = ['plan', 'feature', 'add_on', 'equipment', 'fee', 'insurance', 'discount'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];
export const PRODUCT_KIND_LABELS: Record<ProductKind, string> = {
  plan: 'Plan',
  feature: 'Feature',
  add_on: 'Add-on',
  equipment: 'Equipment',
  fee: 'Fee',
  insurance: 'Insurance',
  discount: 'Discount',
};

export const BILL_METHODS = ['EMAIL', 'PRINT', 'BOTH', 'NONE'] as const;
export type BillMethod = (typeof BILL_METHODS)[number];
export const BILL_METHOD_LABELS: Record<BillMethod, string> = { EMAIL: 'Email', PRINT: 'Print', BOTH: 'Both', NONE: 'None' };

/** The kinds of input a line type can ask for in the wizard's Properties section. */
export const PROPERTY_KINDS = ['text', 'number', 'select', 'boolean', 'phone', 'zip', 'date'] as const;
export type PropertyKind = (typeof PROPERTY_KINDS)[number];

/**
 * How a product sits on a package: `required` is always on the line, `default` is on it until the
 * agent removes it, `optional` is offered for the agent to add.
 */
export const PRODUCT_INCLUSIONS = ['required', 'default', 'optional'] as const;
export type ProductInclusion = (typeof PRODUCT_INCLUSIONS)[number];
