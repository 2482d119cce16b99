export * from './inventory.constants.js';
