import type { FastifyBodyParser, FastifyInstance } from 'fastify';

/** Methods whose requests carry no body: many clients still send `Content-Type: application/json` on them. */
const BODILESS = new Set(['DELETE', 'GET']);

/**
 * Bodies in `application/merge-patch+json` (RFC 7386, how TM Forum APIs PATCH) parse exactly as
 * `application/json` does: the same parser, the same body limit, the same refusal of `__proto__`
 * and `constructor.prototype`, and the same 400 naming `body` when the JSON is malformed. A DELETE
 * (or GET) with a JSON content type and no body is taken as having no body, not as an empty one.
 */
export function registerJsonBodies(app: FastifyInstance): void {
  const json = app.getDefaultJsonParser('error', 'error');
  const parse: FastifyBodyParser<string> = (request, body, done) => {
    if (body === '' && BODILESS.has(request.method)) {
      done(null, undefined);
      return;
    }
    json(request, body, done);
  };
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parse);
  app.addContentTypeParser('application/merge-patch+json', { parseAs: 'string' }, parse);
}
