import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { API_KEY_PATTERN, API_KEY_PREFIX_LENGTH, API_KEY_SCHEME } from '@linedesk/domain';

const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A new key `ldk_<prefix>_<secret>`: 8 random letters and digits, then 32 random bytes in base64url. */
export function newApiKey(): { key: string; prefix: string; keyHash: string } {
  let prefix = '';
  while (prefix.length < API_KEY_PREFIX_LENGTH) {
    // Bytes past the last whole multiple of 36 are skipped, so every letter and digit is equally likely.
    for (const byte of randomBytes(API_KEY_PREFIX_LENGTH)) {
      if (byte < 252 && prefix.length < API_KEY_PREFIX_LENGTH) prefix += PREFIX_ALPHABET[byte % PREFIX_ALPHABET.length];
    }
  }
  const key = `${API_KEY_SCHEME}_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, keyHash: hashApiKey(key) };
}

/** The prefix of a well-formed key, or null: anything else is refused before the database is asked. */
export function apiKeyPrefixOf(key: string): string | null {
  return API_KEY_PATTERN.exec(key)?.[1] ?? null;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Compares two hex SHA-256 digests in constant time. */
export function sameKeyHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
