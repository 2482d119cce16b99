export * from './state-machines.js';
export * from './orders.views.js';
export * from './order-page.views.js';
export * from './order-readiness.js';
export * from './port-in-edit.js';
