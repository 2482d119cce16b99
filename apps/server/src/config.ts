import path from 'node:path';
import { z } from 'zod';

const ZBooleanFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/** Every setting LineDesk reads from the environment; the README's configuration table mirrors this. */
const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DEMO_MODE: z.enum(['auto', 'on', 'off']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ message: 'each entry must be an origin such as https://bss.example.com' }))),
  SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  TRUST_PROXY: ZBooleanFlag.default(false),
  WEB_DIST_DIR: z.string().optional(),
  DRAFT_EXPIRY_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  PAYMENT_GATEWAY: z.enum(['test']).default('test'),
  ENCRYPTION_KEY: z
    .string()
    .refine((value) => Buffer.from(value.trim(), 'base64').length === 32, {
      message: 'must be 32 random bytes in base64 (openssl rand -base64 32)',
    })
    .optional(),
  PUBLIC_URL: z
    .url({ message: 'must be the URL carriers reach this server at, such as https://bss.example.com' })
    .regex(/^https?:\/\//, { message: 'must be an http:// or https:// URL' })
    .optional(),
  WORKER: z.enum(['in-process', 'off']).default('in-process'),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  CARRIER_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  CARRIER_POLL_SECONDS: z.coerce.number().min(0.05).max(3600).default(30),
  // The runner renews a running job's lease every third of it (a run may outlast the lease, e.g. a slow carrier);
  // under 3 s a renewal could come too late on a busy database.
  JOB_LEASE_SECONDS: z.coerce.number().int().min(3, { message: 'must be at least 3 (seconds): a running job renews its lease every third of it' }).max(3600).default(60),
  JOB_RETRY_BASE_MS: z.coerce.number().int().min(1).max(600_000).default(1000),
  JOB_RETRY_CAP_MS: z.coerce.number().int().min(1).max(24 * 3600_000).default(60_000),
  DEMO_CARRIER_GATEWAY_URL: z
    .url({ message: 'must be the carrier gateway\'s base URL, such as http://127.0.0.1:4100/v1' })
    .regex(/^https?:\/\//, { message: 'must be an http:// or https:// URL' })
    .default('http://127.0.0.1:4100/v1'),
  TMF_CALLBACK_ALLOW_LOCAL: ZBooleanFlag.default(false),
});

export type Config = {
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  demoMode: 'auto' | 'on' | 'off';
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  sessionTtlHours: number;
  cookieSecure: 'auto' | boolean;
  allowedOrigins: string[];
  signInRateLimitPerMinute: number;
  trustProxy: boolean;
  webDistDir: string | null;
  /** 32 bytes in base64; null means the embedded database's key file (PostgreSQL requires it). */
  encryptionKey: string | null;
  /** A wizard draft left alone this many days expires. */
  draftExpiryDays: number;
  /** Which payment gateway tokenizes cards: `test` is the built-in test gateway. */
  paymentGateway: 'test';
  /**
   * The base URL carriers call back (`<publicUrl>/api/carrier-callbacks/<code>`), without a trailing slash.
   * Null until known: main.ts sets it to the server's own listening URL when PUBLIC_URL is unset.
   */
  publicUrl: string | null;
  /** `in-process`: this server also runs the job worker; `off`: only separate `npm run worker` processes do. */
  worker: 'in-process' | 'off';
  /** Jobs one worker runs at once. */
  workerConcurrency: number;
  /** How long one call to a carrier may take before it counts as a (transient) timeout. */
  carrierTimeoutMs: number;
  /** First status check of an accepted submission after this many seconds (then backing off), if no callback came. */
  carrierPollSeconds: number;
  /** A claimed job is another worker's to take again when its worker has not finished it in this time. */
  jobLeaseSeconds: number;
  /** Retry backoff: capped exponential with full jitter, from this base … */
  jobRetryBaseMs: number;
  /** … up to this cap. */
  jobRetryCapMs: number;
  /** Where the demo carriers (NWM, BSW) send orders when demo data is seeded: the carrier gateway simulator's base URL. */
  demoCarrierGatewayUrl: string;
  /**
   * TMF hub callbacks may reach this machine's loopback (127.0.0.0/8, ::1): development, a listener on the
   * same host. Never the unspecified, link-local (cloud metadata), multicast or broadcast addresses.
   */
  tmfCallbackAllowLocal: boolean;
};

export class ConfigError extends Error {}

/** Reads and validates the environment once at start; a bad value stops the server with the variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.DATABASE_URL && !e.ENCRYPTION_KEY) {
    throw new ConfigError(
      'Invalid configuration:\n  ENCRYPTION_KEY: required with DATABASE_URL, so every LineDesk process shares one key (openssl rand -base64 32)',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.resolve(e.DATA_DIR) },
    demoMode: e.DEMO_MODE,
    logLevel: e.LOG_LEVEL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
    allowedOrigins: e.ALLOWED_ORIGINS.map((origin) => new URL(origin).origin),
    signInRateLimitPerMinute: e.SIGN_IN_RATE_LIMIT,
    trustProxy: e.TRUST_PROXY,
    webDistDir: e.WEB_DIST_DIR ? path.resolve(e.WEB_DIST_DIR) : null,
    encryptionKey: e.ENCRYPTION_KEY ?? null,
    draftExpiryDays: e.DRAFT_EXPIRY_DAYS,
    paymentGateway: e.PAYMENT_GATEWAY,
    publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, '') : null,
    worker: e.WORKER,
    workerConcurrency: e.WORKER_CONCURRENCY,
    carrierTimeoutMs: e.CARRIER_TIMEOUT_MS,
    carrierPollSeconds: e.CARRIER_POLL_SECONDS,
    jobLeaseSeconds: e.JOB_LEASE_SECONDS,
    jobRetryBaseMs: e.JOB_RETRY_BASE_MS,
    jobRetryCapMs: Math.max(e.JOB_RETRY_CAP_MS, e.JOB_RETRY_BASE_MS),
    demoCarrierGatewayUrl: e.DEMO_CARRIER_GATEWAY_URL.replace(/\/+$/, ''),
    tmfCallbackAllowLocal: e.TMF_CALLBACK_ALLOW_LOCAL,
  };
}
