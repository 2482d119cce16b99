export * from './nanp.js';
export * from './security-pin.js';
