import { STOCK_CSV_COLUMN_HELP, STOCK_CSV_COLUMNS, STOCK_CSV_MAX_ROWS, STOCK_CSV_TEMPLATE, type TStockImportReport } from '@linedesk/domain';
import { Alert, Button, Group, Input, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconBarcode, IconDownload, IconUpload } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useId, useState, type ChangeEvent } from 'react';
import { Page, PageHeader } from '../../../components/common/page';
import { useImportStock } from '../../../hooks/api/inventory';
import { isApiError } from '../../../lib/api-client';
import { errorReason } from '../../../lib/form-errors';
import { downloadText } from './download';
import { ImportReport } from './import-report';

/** A stock file of the maximum rows is about this big; a bigger file is surely not a stock file. */
const MAX_FILE_BYTES = 40 * 1024 * 1024;

type Picked = { name: string; csv: string; rows: number } | { name: string; error: string };

/**
 * Inventory > Import CSV: a file with a header row and one item per row. Every row is checked; the
 * valid rows go into stock together and every other row is reported with its line, column and reason.
 */
export function ImportPage() {
  const inputId = useId();
  const importStock = useImportStock();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [report, setReport] = useState<TStockImportReport | null>(null);

  async function handleFile(event: ChangeEvent<HTMLInputElement>) {
    importStock.reset();
    setReport(null);
    const file = event.currentTarget.files?.[0];
    if (!file) return setPicked(null);
    if (file.size > MAX_FILE_BYTES) return setPicked({ name: file.name, error: `${file.name} is larger than 40 MB: split it into files of at most ${STOCK_CSV_MAX_ROWS.toLocaleString()} rows.` });
    const csv = await file.text();
    const rows = csv.split(/\r\n|\n|\r/).filter((line) => line.trim() !== '').length - 1;
    if (rows < 1) return setPicked({ name: file.name, error: `${file.name} has no rows below its header.` });
    setPicked({ name: file.name, csv, rows });
  }

  function handleImport() {
    if (!picked || !('csv' in picked)) return;
    importStock.mutate(
      { fileName: picked.name, csv: picked.csv },
      {
        onSuccess: (result) => {
          setReport(result);
          notifications.show({
            color: result.refused > 0 ? 'yellow' : 'green',
            title: 'Import finished',
            message: `${result.accepted} accepted, ${result.unchanged} already in stock, ${result.refused} refused.`,
          });
        },
      },
    );
  }

  const fileProblems = isApiError(importStock.error) ? [...new Set(importStock.error.fields.map((field) => field.message))] : [];

  return (
    <Page size={1400}>
      <PageHeader
        title="Import CSV"
        description="Receive a delivery from a spreadsheet: one item per row."
        actions={
          <Button component={Link} to="/inventory/receive" variant="default" leftSection={<IconBarcode size={16} aria-hidden />}>
            Receive by scanning
          </Button>
        }
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Paper p="lg" style={{ borderColor: 'var(--ld-border)' }}>
          <Stack gap="sm">
            <Title order={2} fz="md">
              Import a file
            </Title>
            <Text fz="sm" c="dimmed">
              Every row is checked. The valid rows are received together as Available; each other row is listed below with why. A row
              already in stock as the file describes it is left as it is, so importing the same file twice changes nothing.
            </Text>
            <Input.Wrapper id={inputId} label="Stock file" description={`A .csv file with a header row, up to ${STOCK_CSV_MAX_ROWS.toLocaleString()} rows.`}>
              <input id={inputId} className="ld-file-input" type="file" accept=".csv,text/csv" onChange={(event) => void handleFile(event)} style={{ marginTop: 6 }} />
            </Input.Wrapper>
            {picked && 'error' in picked && (
              <Text fz="sm" c="red.8" role="alert">
                {picked.error}
              </Text>
            )}
            {picked && 'csv' in picked && !report && (
              <Text fz="sm" role="status">
                <strong>{picked.name}</strong> has {picked.rows.toLocaleString()} {picked.rows === 1 ? 'row' : 'rows'} below its header.
              </Text>
            )}
            {importStock.isError && (
              <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} aria-hidden />} title="The file was not imported">
                {fileProblems.length > 0 ? (
                  <List size="sm" spacing={2}>
                    {fileProblems.map((problem) => (
                      <List.Item key={problem}>{problem}</List.Item>
                    ))}
                  </List>
                ) : (
                  <Text fz="sm">{errorReason(importStock.error)}</Text>
                )}
              </Alert>
            )}
            <Group gap="sm">
              <Button leftSection={<IconUpload size={16} aria-hidden />} disabled={!picked || !('csv' in picked)} loading={importStock.isPending} onClick={handleImport}>
                Import
              </Button>
              <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => downloadText('linedesk-stock-template.csv', STOCK_CSV_TEMPLATE)}>
                Download template
              </Button>
            </Group>
          </Stack>
        </Paper>
        <Paper style={{ borderColor: 'var(--ld-border)', overflow: 'hidden' }}>
          <Title order={2} fz="md" px="lg" pt="md" pb="xs">
            Columns
          </Title>
          <Text fz="xs" c="dimmed" px="lg" pb="sm">
            In any order; names are read without regard to case or spaces (&quot;Purchase Order&quot; works). Leave a cell empty when it does not apply.
          </Text>
          <div className="ld-table-wrap">
            <Table aria-label="Stock file columns" verticalSpacing={6} horizontalSpacing="md">
              <Table.Tbody>
                {STOCK_CSV_COLUMNS.map((column) => (
                  <Table.Tr key={column}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text fz="sm" className="ld-mono">
                        {column}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm">{STOCK_CSV_COLUMN_HELP[column]}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </Paper>
      </SimpleGrid>
      {report && <ImportReport report={report} />}
    </Page>
  );
}
