import { TMF_SERVICE_ADDRESS_ROLE, type TAddress, type TTmfAddressPlace } from '@linedesk/domain';

/**
 * A line's service address as a place by value (`role: serviceAddress`, a US GeographicAddress), the
 * same in a productOrder item's product (TMF622) and in the product inventory (TMF637).
 */
export function tmfServicePlace(address: TAddress): TTmfAddressPlace {
  const zip = address.zip4 ? `${address.zip}-${address.zip4}` : address.zip;
  return {
    role: TMF_SERVICE_ADDRESS_ROLE,
    name: [address.line1, address.line2, `${address.city}, ${address.state} ${zip}`].filter(Boolean).join(', '),
    '@type': 'GeographicAddress',
    street1: address.line1,
    ...(address.line2 ? { street2: address.line2 } : {}),
    city: address.city,
    stateOrProvince: address.state,
    postCode: zip,
    country: 'US',
  };
}
