import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ZFaults, type TFaults } from './faults.js';

/** One dealer account at the simulated gateway: what the client authenticates with and what signs its callbacks. */
export const ZSimAccount = z.object({
  accountId: z.string().min(1),
  carrierCode: z.string().min(1),
  apiKey: z.string().min(24),
  webhookSecret: z.string().min(24),
});
export type TSimAccount = z.infer<typeof ZSimAccount>;
export const ZSimAccounts = z.array(ZSimAccount).min(1);

export interface SimConfig {
  host: string;
  port: number;
  accounts: TSimAccount[];
  /** Wait before each processing step (RECEIVED → IN_PROGRESS → final); 0 = as fast as possible, still asynchronous. */
  delayMs: number;
  controlToken: string;
  faults: TFaults;
  /** Callback deliveries: attempts in all (first try included) and the first retry's wait, doubling after. */
  callbackAttempts: number;
  callbackRetryBaseMs: number;
  /** How long a `timeouts` fault holds a submit open before dropping the connection. */
  hangMs: number;
}

export const DEMO_ACCOUNTS_FILE = fileURLToPath(new URL('../demo-accounts.json', import.meta.url));

export function loadAccounts(file: string): TSimAccount[] {
  const parsed = ZSimAccounts.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: not a list of accounts {accountId, carrierCode, apiKey, webhookSecret}: ${parsed.error.message}`);
  return parsed.data;
}

const ZCli = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(4100),
  host: z.string().min(1).default('127.0.0.1'),
  accounts: z.string().min(1).optional(),
  delayMs: z.coerce.number().int().min(0).default(1500),
  controlToken: z.string().min(1).optional(),
  faults: z.string().optional(),
  callbackAttempts: z.coerce.number().int().min(1).max(20).default(5),
  callbackRetryBaseMs: z.coerce.number().int().min(0).default(500),
  hangMs: z.coerce.number().int().min(1).default(30_000),
});

const FLAGS: Record<string, keyof z.input<typeof ZCli>> = {
  '--port': 'port',
  '--host': 'host',
  '--accounts': 'accounts',
  '--delay-ms': 'delayMs',
  '--control-token': 'controlToken',
  '--faults': 'faults',
  '--callback-attempts': 'callbackAttempts',
  '--callback-retry-base-ms': 'callbackRetryBaseMs',
  '--hang-ms': 'hangMs',
};

const ENV: Record<string, keyof z.input<typeof ZCli>> = {
  CARRIER_SIM_PORT: 'port',
  CARRIER_SIM_HOST: 'host',
  CARRIER_SIM_ACCOUNTS: 'accounts',
  CARRIER_SIM_DELAY_MS: 'delayMs',
  CARRIER_SIM_CONTROL_TOKEN: 'controlToken',
  CARRIER_SIM_FAULTS: 'faults',
};

/** Command line flags win over environment variables, which win over the defaults. `--faults` takes JSON. */
export function readConfig(argv: readonly string[], env: NodeJS.ProcessEnv): SimConfig {
  const raw: Record<string, string> = {};
  for (const [name, key] of Object.entries(ENV)) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const key = FLAGS[flag];
    if (!key) throw new Error(`Unknown option ${flag}; options: ${Object.keys(FLAGS).join(', ')}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    raw[key] = value;
  }
  const cli = ZCli.safeParse(raw);
  if (!cli.success) throw new Error(`Invalid options: ${cli.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  const options = cli.data;
  const faults = ZFaults.safeParse(options.faults ? JSON.parse(options.faults) : {});
  if (!faults.success) throw new Error(`Invalid --faults: ${faults.error.message}`);
  return {
    host: options.host,
    port: options.port,
    accounts: loadAccounts(options.accounts ?? DEMO_ACCOUNTS_FILE),
    delayMs: options.delayMs,
    controlToken: options.controlToken ?? 'demo-carrier-sim-control-token',
    faults: faults.data,
    callbackAttempts: options.callbackAttempts,
    callbackRetryBaseMs: options.callbackRetryBaseMs,
    hangMs: options.hangMs,
  };
}
