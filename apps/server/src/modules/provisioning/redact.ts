import { REDACTED } from '../audit/record-audit.js';

// Keys whose value is a secret wherever they appear in a payload or a header list.
const SECRET_KEY = /^(pin|passcode|password|credential|secret|webhooksecret|authorization|x-gateway-signature|signature|token|apikey|api-key|x-api-key|cookie|set-cookie)$/i;
// Inside a free-text value: a bearer token or a signature.
const BEARER = /\b(Bearer)\s+[^\s",]+/gi;
const SIGNATURE = /\bv1=[0-9a-f]{16,}/gi;

/**
 * A copy of a carrier payload (request, response, callback, headers) fit to keep and show: PINs,
 * credentials, Authorization, signatures and secrets replaced by "[redacted]", at any depth.
 */
export function redact(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value === 'string') return value.replace(BEARER, `$1 ${REDACTED}`).replace(SIGNATURE, REDACTED);
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      out[key] = SECRET_KEY.test(key) ? (inner === null || inner === undefined ? inner ?? null : REDACTED) : redact(inner);
    }
    return out;
  }
  return value;
}
