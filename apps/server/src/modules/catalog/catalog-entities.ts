import { agentEntity } from './entities/agent.entity.js';
import { carrierEntity } from './entities/carrier.entity.js';
import { packageEntity } from './entities/package.entity.js';
import { productEntity } from './entities/product.entity.js';
import { billProfileEntity, ldRatePlanEntity, lineTypeEntity } from './entities/simple-entities.js';

/** Every catalog record kind, in the order an import must write them (each refers only to those before it). */
export const CATALOG_ENTITIES = {
  billProfiles: billProfileEntity,
  lineTypes: lineTypeEntity,
  ldRatePlans: ldRatePlanEntity,
  carriers: carrierEntity,
  agents: agentEntity,
  products: productEntity,
  packages: packageEntity,
} as const;
