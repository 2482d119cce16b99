export * from './nanp.js';
export * from './security-pin.js';
export * from './customers.constants.js';
export * from './customer-fields.js';
export * from './us-address.js';
