// `npm test`: every check and every suite, ending with one line `N passed, N failed`.
// Lint and typecheck count as one check each; every vitest test (domain, server on PGlite and on
// PostgreSQL, browser end to end) counts as one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { ensureSystemPackages } from './ensure-system-packages.mjs';

const OUTPUT_DIR = '.test-output';
mkdirSync(OUTPUT_DIR, { recursive: true });

let passed = 0;
let failed = 0;

/** @param {string} label @param {string} command @param {string[]} args */
function run(label, command, args) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } });
  return result.status === 0;
}

/** @param {string} label @param {string} command @param {string[]} args */
function check(label, command, args) {
  if (run(label, command, args)) passed += 1;
  else {
    failed += 1;
    console.log(`✖ ${label} failed`);
  }
}

try {
  ensureSystemPackages();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  failed += 1;
}

check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
check('typecheck', 'npm', ['run', '-s', 'typecheck']);
const built = run('build', 'npm', ['run', '-s', 'build']);
if (!built) failed += 1;

const report = `${OUTPUT_DIR}/vitest.json`;
writeFileSync(report, '{}');
const extra = built ? [] : ['--project', 'domain', '--project', 'carrier-sim', '--project', 'server:pglite', '--project', 'server:postgres'];
const vitestPassed = run('tests', 'npx', ['vitest', 'run', ...extra, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);

const results = JSON.parse(readFileSync(report, 'utf8'));
if (typeof results.numTotalTests !== 'number') {
  console.log('✖ vitest wrote no report');
  failed += 1;
} else {
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // A file that fails to load has no tests to count, so it counts as one failure.
  const brokenFiles = results.testResults.filter((/** @type {{status: string, assertionResults: unknown[]}} */ file) => file.status === 'failed' && file.assertionResults.length === 0);
  failed += brokenFiles.length;
  if (results.numTotalTests === 0) {
    console.log('✖ no test ran');
    failed += 1;
  }
  // Vitest can fail outside any test (an unhandled error, a failing hook): that counts too.
  if (!vitestPassed && results.numFailedTests === 0 && brokenFiles.length === 0) {
    console.log('✖ vitest failed outside the tests (see its output above)');
    failed += 1;
  }
}

const summary = `${passed} passed, ${failed} failed`;
writeFileSync(`${OUTPUT_DIR}/summary.txt`, `${summary}\n`);
console.log(`\n${summary}`);
process.exit(failed === 0 ? 0 : 1);
