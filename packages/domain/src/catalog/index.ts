export * from './catalog.constants.js';
export * from './catalog.schemas.js';
export * from './catalog.views.js';
export * from './money.js';
export * from './pricing.js';
