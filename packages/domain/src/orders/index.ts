export * from './state-machines.js';
export * from './orders.views.js';
