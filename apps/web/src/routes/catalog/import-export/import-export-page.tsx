import { SimpleGrid } from '@mantine/core';
import { Page, PageHeader } from '../../../components/common/page';
import { ExportPanel } from './export-panel';
import { ImportPanel } from './import-panel';

export function ImportExportPage() {
  return (
    <Page>
      <PageHeader
        title="Import / Export"
        description="Move the whole catalog in and out of LineDesk as one JSON file."
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <ExportPanel />
        <ImportPanel />
      </SimpleGrid>
    </Page>
  );
}
