import { ZPackageOffer, ZWizardProfileChoices, ZWizardCarrier, ZWizardLineType, ZWizardOrderType, ZWizardPackage, ZWizardPackagesQuery, ZCode } from '@linedesk/domain';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ANY_ROLE } from '../../http/access.js';
import { typed, type App, type AppContext } from '../../http/app-context.js';
import type { CatalogReadCache } from './catalog-read-cache.js';
import { getPackageOffer } from './use-cases/get-package-offer.js';
import { listOfferedCarriers } from './use-cases/list-offered-carriers.js';
import { listOfferedLineTypes } from './use-cases/list-offered-line-types.js';
import { listOfferedPackages } from './use-cases/list-offered-packages.js';
import { listProfileChoices } from './use-cases/list-profile-choices.js';

/** What the New Customer Wizard reads, step by step: carriers, then line types, then packages, then one package's offer. */
export function registerCatalogWizardRoutes(app: App, { database, secrets }: AppContext, cache: CatalogReadCache): void {
  const { db } = database;
  // Keyed by route and parsed query, so unknown or reordered parameters cannot multiply the entries.
  const cached = <T>(request: FastifyRequest, load: () => Promise<T>) =>
    cache.read(`${request.routeOptions.url}?${JSON.stringify(request.query)}`, load);
  const tags = ['Catalog for the wizard'];
  const config = { access: ANY_ROLE };

  typed(app).get(
    '/api/catalog/wizard/carriers',
    { config, schema: { tags, summary: 'Carriers and the order types the wizard sells on them', response: { 200: z.array(ZWizardCarrier) } } },
    async (request) => cached(request, () => listOfferedCarriers({ db })),
  );
  typed(app).get(
    '/api/catalog/wizard/line-types',
    {
      config,
      schema: {
        tags,
        summary: 'Line types with packages for a carrier and order type, with the properties each asks for',
        querystring: z.object({ carrierCode: ZCode, orderType: ZWizardOrderType }),
        response: { 200: z.array(ZWizardLineType) },
      },
    },
    async (request) => cached(request, () => listOfferedLineTypes({ db, ...request.query })),
  );
  typed(app).get(
    '/api/catalog/wizard/packages',
    {
      config,
      schema: { tags, summary: 'Packages sold for a carrier, line type and order type', querystring: ZWizardPackagesQuery, response: { 200: z.array(ZWizardPackage) } },
    },
    async (request) => cached(request, () => listOfferedPackages({ db, query: request.query })),
  );
  typed(app).get(
    '/api/catalog/wizard/offer',
    {
      config,
      schema: {
        tags,
        summary: "A package's products, long-distance rates and charges for an order type",
        querystring: z.object({ carrierCode: ZCode, packageCode: ZCode, orderType: ZWizardOrderType }),
        response: { 200: ZPackageOffer },
      },
    },
    async (request) => cached(request, () => getPackageOffer({ db, ...request.query })),
  );
  typed(app).get(
    '/api/catalog/wizard/profile-choices',
    { config, schema: { tags, summary: 'Bill profiles and agents for the Customer Profile page', response: { 200: ZWizardProfileChoices } } },
    async (request) => cached(request, () => listProfileChoices({ db, secrets })),
  );
}
