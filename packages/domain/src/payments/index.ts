export * from './payment-checks.js';
