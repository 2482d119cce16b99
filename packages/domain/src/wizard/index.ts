export * from './profile-fields.js';
export * from './wizard-steps.js';
export * from './wizard-lines.js';
export * from './order-final.js';
export * from './duplicates.js';
export * from './draft.views.js';
