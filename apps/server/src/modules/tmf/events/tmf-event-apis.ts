/**
 * The TM Forum APIs that have event hubs, by path (`<apiName>/v4`), and the event types each one's v4
 * specification names (its `/listener/…` operations): a hub's `eventType=` filter may name any of these.
 */
export const TMF_EVENT_TYPES = {
  'customerManagement/v4': ['CustomerCreateEvent', 'CustomerAttributeValueChangeEvent', 'CustomerStateChangeEvent', 'CustomerDeleteEvent'],
  'productOrderingManagement/v4': [
    'ProductOrderCreateEvent',
    'ProductOrderAttributeValueChangeEvent',
    'ProductOrderDeleteEvent',
    'ProductOrderStateChangeEvent',
    'ProductOrderInformationRequiredEvent',
    'CancelProductOrderCreateEvent',
    'CancelProductOrderStateChangeEvent',
    'CancelProductOrderInformationRequiredEvent',
  ],
  'productCatalogManagement/v4': [
    'CatalogCreateEvent',
    'CatalogAttributeValueChangeEvent',
    'CatalogStateChangeEvent',
    'CatalogDeleteEvent',
    'CatalogBatchEvent',
    'CategoryCreateEvent',
    'CategoryAttributeValueChangeEvent',
    'CategoryStateChangeEvent',
    'CategoryDeleteEvent',
    'ProductOfferingCreateEvent',
    'ProductOfferingAttributeValueChangeEvent',
    'ProductOfferingStateChangeEvent',
    'ProductOfferingDeleteEvent',
    'ProductOfferingPriceCreateEvent',
    'ProductOfferingPriceAttributeValueChangeEvent',
    'ProductOfferingPriceStateChangeEvent',
    'ProductOfferingPriceDeleteEvent',
    'ProductSpecificationCreateEvent',
    'ProductSpecificationAttributeValueChangeEvent',
    'ProductSpecificationStateChangeEvent',
    'ProductSpecificationDeleteEvent',
  ],
  'productInventory/v4': ['ProductCreateEvent', 'ProductAttributeValueChangeEvent', 'ProductStateChangeEvent', 'ProductBatchEvent', 'ProductDeleteEvent'],
  'resourceInventoryManagement/v4': ['ResourceCreateEvent', 'ResourceAttributeValueChangeEvent', 'ResourceStateChangeEvent', 'ResourceDeleteEvent'],
} as const satisfies Record<string, readonly string[]>;

export type TmfEventApi = keyof typeof TMF_EVENT_TYPES;
export const TMF_EVENT_APIS = Object.keys(TMF_EVENT_TYPES) as TmfEventApi[];

export function isTmfEventApi(value: string): value is TmfEventApi {
  return Object.hasOwn(TMF_EVENT_TYPES, value);
}
