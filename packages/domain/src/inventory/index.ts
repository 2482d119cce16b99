export * from './inventory.constants.js';
export * from './item-identifiers.js';
export * from './stock-csv.js';
export * from './inventory.schemas.js';
