export * from './carrier-gateway-api.js';
export * from './provisioning.views.js';
