import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { Panel } from '../../../components/common/status-state';
import { useExportCatalog } from '../../../hooks/api/catalog';
import { describeCatalogDocument } from '../../../lib/catalog-records';
import { downloadJson, localDateStamp } from '../../../lib/download';
import { errorReason } from '../../../lib/form-errors';

/** Downloads the whole catalog as one JSON document, built in the browser from the export API. */
export function ExportPanel() {
  const exportCatalog = useExportCatalog();
  const [lastExport, setLastExport] = useState<{ filename: string; summary: string } | null>(null);

  function handleExport() {
    exportCatalog.mutate(undefined, {
      onSuccess: (document) => {
        const filename = `linedesk-catalog-${localDateStamp()}.json`;
        downloadJson(document, filename);
        const summary = describeCatalogDocument(document);
        setLastExport({ filename, summary });
        notifications.show({ color: 'green', title: 'Catalog exported', message: `${filename}: ${summary}.` });
      },
    });
  }

  return (
    <Panel p="lg">
      <Stack gap="sm" align="flex-start">
        <Title order={2}>Export catalog</Title>
        <Text fz="sm" c="dimmed">
          Every carrier, package, product, line type, rate plan, bill profile and agent, as one JSON file. Use it as a
          backup, or to copy the catalog to another LineDesk installation.
        </Text>
        <Text fz="sm" c="dimmed">
          Carrier credentials and webhook secrets are never exported.
        </Text>
        <Button leftSection={<IconDownload size={16} aria-hidden />} loading={exportCatalog.isPending} onClick={handleExport} mt="xs">
          Export catalog
        </Button>
        {exportCatalog.isError && (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} aria-hidden />} w="100%">
            {errorReason(exportCatalog.error)}
          </Alert>
        )}
        {lastExport && !exportCatalog.isError && (
          <Text fz="sm" role="status">
            Downloaded <span className="ld-mono">{lastExport.filename}</span> with {lastExport.summary}.
          </Text>
        )}
      </Stack>
    </Panel>
  );
}
