export * from './tmf-common.js';
export * from './tmf629-customer.js';
export * from './tmf620-product-catalog.js';
export * from './tmf622-product-order.js';
export * from './tmf637-product.js';
export * from './tmf639-resource.js';
export * from './tmf-hubs.views.js';
