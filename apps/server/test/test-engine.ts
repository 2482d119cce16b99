export type TestEngine = 'pglite' | 'postgres';

export const TEMPLATE_DATABASE = 'linedesk_test_template';

/** Which engine this vitest project runs the database suites on; set per project in vitest.config.ts. */
export function testEngine(): TestEngine {
  return process.env.LINEDESK_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}
