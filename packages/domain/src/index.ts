export * from './roles.js';
export * from './errors.js';
export * from './users.schemas.js';
export * from './audit.schemas.js';
export * from './catalog/index.js';
export * from './customers/index.js';
