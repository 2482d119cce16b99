import { z } from 'zod';
import { ZRole } from './roles.js';

/**
 * An integrator's API key: `ldk_<prefix>_<secret>`. The prefix (8 lowercase letters and digits) is
 * stored in clear and shown in lists, so a key can be recognised; the secret is 32 random bytes in
 * base64url. Only a SHA-256 of the whole key is stored, and the key itself is shown once.
 */
export const API_KEY_SCHEME = 'ldk';
export const API_KEY_PREFIX_LENGTH = 8;
export const API_KEY_PATTERN = /^ldk_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;
export const API_KEY_NAME_MAX_LENGTH = 80;

/** Active keys authenticate; revoked and expired ones are refused with that reason. */
export const API_KEY_STATUSES = ['active', 'expired', 'revoked'] as const;
export type ApiKeyStatus = (typeof API_KEY_STATUSES)[number];
export const API_KEY_STATUS_LABELS: Record<ApiKeyStatus, string> = { active: 'Active', expired: 'Expired', revoked: 'Revoked' };

export const ZApiKeyName = z
  .string()
  .trim()
  .min(1, { message: 'Enter a name' })
  .max(API_KEY_NAME_MAX_LENGTH, { message: `Use at most ${API_KEY_NAME_MAX_LENGTH} characters` });

export const ZCreateApiKeyInput = z.object({
  /** Who or what uses the key ("Dealer portal"); audit rows name the key by it. */
  name: ZApiKeyName,
  /** What the key may do: the same rules as a user with this role. */
  role: ZRole,
  /** When the key stops working; null or left out: never. */
  expiresAt: z
    .iso.datetime({ offset: true, message: 'Enter a date and time (ISO 8601)' })
    .nullable()
    .optional()
    .refine((value) => value == null || Date.parse(value) > Date.now(), { message: 'Choose a time in the future' }),
});
export type TCreateApiKeyInput = z.infer<typeof ZCreateApiKeyInput>;

export const ZApiKey = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The visible part of the key, `ldk_<prefix>_…`. */
  prefix: z.string(),
  role: ZRole,
  status: z.enum(API_KEY_STATUSES),
  /** The admin (or admin key) that created it. */
  createdBy: z.object({ userId: z.uuid().nullable(), name: z.string() }),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TApiKey = z.infer<typeof ZApiKey>;

/** The answer to a creation: the key itself, which the server never shows again. */
export const ZCreatedApiKey = z.object({
  apiKey: ZApiKey,
  key: z.string(),
});
export type TCreatedApiKey = z.infer<typeof ZCreatedApiKey>;

/** How a key is written for people: its scheme and prefix, the secret elided. */
export function maskedApiKey(prefix: string): string {
  return `${API_KEY_SCHEME}_${prefix}_…`;
}
