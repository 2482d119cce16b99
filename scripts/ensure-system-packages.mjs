// Installs the Debian packages the tests need (PostgreSQL for the second database engine, Chromium
// for the browser tests) when they are missing. Needs root for apt-get; otherwise says what to install.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const hasPostgres = () =>
  existsSync('/usr/lib/postgresql') &&
  readdirSync('/usr/lib/postgresql').some((version) => existsSync(`/usr/lib/postgresql/${version}/bin/initdb`));
const hasChromium = () => existsSync('/usr/bin/chromium');

export function ensureSystemPackages() {
  const missing = [
    ...(hasPostgres() ? [] : ['postgresql', 'postgresql-contrib']),
    ...(hasChromium() ? [] : ['chromium', 'fonts-liberation']),
  ];
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing system packages: ${missing.join(' ')}. Install them (sudo apt-get install -y ${missing.join(' ')}) and run again.`);
  }
  console.log(`Installing ${missing.join(', ')} from Debian's packages…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...missing]]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed`);
  }
  if (!hasPostgres() || !hasChromium()) throw new Error('The packages installed but initdb or chromium is still missing');
}

if (import.meta.url === `file://${process.argv[1]}`) ensureSystemPackages();
