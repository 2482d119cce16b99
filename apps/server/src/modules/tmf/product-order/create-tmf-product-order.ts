import type { Role, TTmfProductOrderCreate } from '@linedesk/domain';
import type { Db } from '../../../db/client.js';
import { ApiOrderRefused, createApiOrderIn } from '../../../flows/create-api-order.js';
import type { AuditContext } from '../../audit/record-audit.js';
import type { SecretBox } from '../../../security/secret-box.js';
import { createOnce } from '../kernel/idempotency.js';
import { apiOrderRequestOf, tmfFieldOf, withoutSecrets } from './product-order-request.js';
import { recordRejectedProductOrder } from './use-cases/record-rejected-product-order.js';

/**
 * POST productOrder: a LineDesk order for the customer named (flows/create-api-order.ts), or, when the request
 * cannot become one, the request kept as a rejected productOrder with every reason, each naming the request's
 * field. Either way one resource is made, once per `Idempotency-Key`. Answers its id.
 */
export async function createTmfProductOrder(options: {
  db: Db;
  audit: AuditContext;
  secrets: SecretBox;
  role: Role;
  body: TTmfProductOrderCreate;
  rawBody: unknown;
  idempotency: { scope: string | null; key: string | null };
}): Promise<{ id: string; replayed: boolean }> {
  const { db, audit, body } = options;
  const { request, layout, problems } = apiOrderRequestOf(body);
  const reject = (tx: Parameters<typeof recordRejectedProductOrder>[0], reasons: typeof problems) =>
    recordRejectedProductOrder(tx, audit, { payload: withoutSecrets(body), reasons, externalId: body.externalId ?? null });
  return db.transaction((tx) =>
    createOnce(tx, { ...options.idempotency, resourceType: 'productOrder', body: options.rawBody }, async () => {
      if (problems.length) return reject(tx, problems);
      try {
        // In a savepoint: a refusal found late (stock that cannot be reserved) takes back what was written.
        const { orderId } = await tx.transaction((savepoint) => createApiOrderIn(savepoint, { audit, secrets: options.secrets, role: options.role, request }));
        return orderId;
      } catch (error) {
        if (!(error instanceof ApiOrderRefused)) throw error;
        return reject(tx, error.problems.map((problem) => ({ ...problem, field: tmfFieldOf(problem.field, layout) })));
      }
    }),
  );
}
