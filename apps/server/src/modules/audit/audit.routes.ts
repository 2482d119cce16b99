import { ZAuditPage, ZAuditQuery } from '@linedesk/domain';
import { ADMIN_ONLY, ANY_ROLE, requireAuth } from '../../http/access.js';
import { typed, type App, type AppContext } from '../../http/app-context.js';
import { listAuditEntries } from './use-cases/list-audit-entries.js';

export function registerAuditRoutes(app: App, { database }: AppContext): void {
  const { db } = database;
  const tags = ['Audit'];

  typed(app).get(
    '/api/audit',
    {
      config: { access: ADMIN_ONLY },
      schema: { tags, summary: 'The audit trail, newest first', querystring: ZAuditQuery, response: { 200: ZAuditPage } },
    },
    async (request) => listAuditEntries({ db, query: request.query }),
  );

  typed(app).get(
    '/api/audit/mine',
    {
      config: { access: ANY_ROLE },
      schema: { tags, summary: 'What the signed-in user did, newest first', querystring: ZAuditQuery, response: { 200: ZAuditPage } },
    },
    async (request) =>
      listAuditEntries({ db, query: { ...request.query, actorUserId: requireAuth(request).session.user.id } }),
  );
}
