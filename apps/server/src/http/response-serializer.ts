import type { FastifyInstance } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/**
 * Responses are checked against their zod schema before they leave. Many response schemas reuse
 * the request schemas (a saved step comes back as it was sent), whose transforms only run one way
 * (a phone in any format to its ten digits), so a response is parsed rather than encoded: a value
 * that already went through those transforms comes back unchanged.
 */
export const responseSerializerCompiler: Parameters<FastifyInstance['setSerializerCompiler']>[0] =
  ({ schema, method, url }) =>
  (data) => {
    const result = (schema as z.ZodType).safeParse(data);
    if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
