import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TMaskedSecret } from '@linedesk/domain';

const VERSION = 'v1';

/** Encrypts secrets at rest (carrier credentials, and later SSNs and port-out PINs) with AES-256-GCM. */
export type SecretBox = {
  seal(plaintext: string): string;
  open(sealed: string): string;
};

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('The encryption key must be 32 bytes');
  return {
    seal: (plaintext) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(':');
    },
    open: (sealed) => {
      const [version, iv, tag, body] = sealed.split(':');
      if (version !== VERSION || !iv || !tag || !body) throw new Error('Not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

/**
 * How a stored secret is shown: set or not, and its last four characters when it is long enough to
 * spare them. A secret sealed under another key still shows as set (without a hint), so the screen
 * that replaces it keeps working.
 */
export function maskSecret(box: SecretBox, sealed: string | null): TMaskedSecret {
  if (!sealed) return { isSet: false, hint: null };
  const plain = openOrNull(box, sealed);
  return { isSet: true, hint: plain !== null && plain.length >= 12 ? `…${plain.slice(-4)}` : null };
}

/** The secret in clear, or null when there is none or it was sealed under another key. */
export function openOrNull(box: SecretBox, sealed: string | null): string | null {
  if (!sealed) return null;
  try {
    return box.open(sealed);
  } catch {
    return null;
  }
}

export function parseEncryptionKey(text: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new Error('ENCRYPTION_KEY must be 32 random bytes in base64 (openssl rand -base64 32)');
  return key;
}

/**
 * The embedded database keeps its key beside its data (created on first start, readable by the
 * owner only); a PostgreSQL installation must be given ENCRYPTION_KEY so every process shares it.
 */
export function loadOrCreateKeyFile(dataDir: string): Buffer {
  const file = path.join(dataDir, 'encryption.key');
  if (existsSync(file)) return parseEncryptionKey(readFileSync(file, 'utf8'));
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}

/** The configured key: ENCRYPTION_KEY, or the embedded database's key file. */
export function secretBoxFor(config: { encryptionKey: string | null; database: { kind: string; dataDir?: string } }): SecretBox {
  if (config.encryptionKey) return createSecretBox(parseEncryptionKey(config.encryptionKey));
  if (config.database.kind === 'pglite' && config.database.dataDir) return createSecretBox(loadOrCreateKeyFile(config.database.dataDir));
  throw new Error('ENCRYPTION_KEY is required with DATABASE_URL');
}
