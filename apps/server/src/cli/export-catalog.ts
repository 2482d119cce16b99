import { writeFileSync } from 'node:fs';
import { exportCatalog } from '../modules/catalog/use-cases/export-catalog.js';
import { fileArgument, runWithDatabase } from './run-with-database.js';

// npm run catalog:export [-- FILE]: the whole catalog as JSON, to FILE or standard output.
runWithDatabase(async ({ database, secrets }) => {
  const document = await exportCatalog({ db: database.db, secrets });
  const json = `${JSON.stringify(document, null, 2)}\n`;
  const file = fileArgument();
  if (file) {
    writeFileSync(file, json);
    process.stderr.write(`Exported the catalog to ${file}\n`);
  } else process.stdout.write(json);
});
