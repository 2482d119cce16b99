import { readFileSync } from 'node:fs';
import { ZCatalogDocument } from '@linedesk/domain';
import { AppError } from '../http/app-error.js';
import { importCatalog } from '../modules/catalog/use-cases/import-catalog.js';
import { registerTmfEventListener } from '../modules/tmf/events/tmf-audit-listener.js';
import { fileArgument, runWithDatabase } from './run-with-database.js';

// npm run catalog:import -- FILE: creates or updates catalog records by code; all or nothing.
runWithDatabase(async ({ database, secrets }) => {
  const file = fileArgument();
  if (!file) throw new Error('Usage: npm run catalog:import -- FILE');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not readable JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const parsed = ZCatalogDocument.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(document)'}: ${issue.message}`);
    throw new Error(`${file} is not a valid catalog document:\n${lines.join('\n')}`);
  }
  // Catalog hubs hear of what the import changes, as of changes made in the app (a worker sends the events).
  registerTmfEventListener();
  try {
    const summary = await importCatalog({
      db: database.db,
      audit: { actorUserId: null, actorLabel: 'cli:catalog:import', requestId: null },
      secrets,
      document: parsed.data,
    });
    process.stdout.write(`Imported ${file}: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged\n`);
  } catch (error) {
    if (error instanceof AppError && error.fields) {
      throw new Error(`Nothing was imported: ${error.fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`, { cause: error });
    }
    throw error;
  }
});
