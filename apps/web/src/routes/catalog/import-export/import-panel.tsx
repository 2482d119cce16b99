import { ZCatalogDocument, type TCatalogDocumentInput, type TFieldError } from '@linedesk/domain';
import { Alert, Button, Input, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCircleCheck, IconUpload } from '@tabler/icons-react';
import { useId, useState, type ChangeEvent } from 'react';
import { Panel } from '../../../components/common/status-state';
import { useImportCatalog, type ImportSummary } from '../../../hooks/api/catalog';
import { isApiError } from '../../../lib/api-client';
import { describeCatalogDocument } from '../../../lib/catalog-records';
import { errorReason } from '../../../lib/form-errors';

type Problem = { path: string; message: string };

/** A file as read: a document ready to send, or why it cannot be. */
type Picked = { name: string } & ({ ok: true; document: TCatalogDocumentInput; summary: string } | { ok: false; reason: string; problems: Problem[] });

const MAX_SHOWN = 20;

/**
 * Reads a catalog file in the browser and checks it with the server's own schema first, so most
 * mistakes show before anything is sent; the server's answer (summary or refusal) is shown after.
 */
export function ImportPanel() {
  const inputId = useId();
  const importCatalog = useImportCatalog();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [result, setResult] = useState<ImportSummary | null>(null);

  async function handleFile(event: ChangeEvent<HTMLInputElement>) {
    importCatalog.reset();
    setResult(null);
    const file = event.currentTarget.files?.[0];
    if (!file) {
      setPicked(null);
      return;
    }
    setPicked(await readCatalogFile(file));
  }

  function handleImport() {
    if (!picked?.ok) return;
    importCatalog.mutate(picked.document, {
      onSuccess: (summary) => {
        setResult(summary);
        notifications.show({ color: 'green', title: 'Catalog imported', message: describeSummary(summary) });
      },
    });
  }

  const serverProblems: Problem[] = isApiError(importCatalog.error)
    ? importCatalog.error.fields.map((field: TFieldError) => ({ path: field.field.replace(/^body\./, ''), message: field.message }))
    : [];

  return (
    <Panel p="lg">
      <Stack gap="sm">
        <Title order={2}>Import catalog</Title>
        <Text fz="sm" c="dimmed">
          Brings in a file made by Export catalog. Records are matched by code: new codes are created, existing ones are
          updated to match the file. Nothing is deleted, and stored carrier secrets are kept.
        </Text>
        <Input.Wrapper id={inputId} label="Catalog file" description="A .json file exported from LineDesk." mt="xs">
          <input
            id={inputId}
            className="ld-file-input"
            type="file"
            accept="application/json,.json"
            onChange={(event) => void handleFile(event)}
            style={{ marginTop: 6 }}
          />
        </Input.Wrapper>

        {picked && !picked.ok && <ProblemAlert title={`${picked.name} cannot be imported`} reason={picked.reason} problems={picked.problems} />}
        {picked?.ok && !result && !importCatalog.isError && (
          <Text fz="sm" role="status">
            <strong>{picked.name}</strong> holds {picked.summary}.
          </Text>
        )}

        <div>
          <Button
            leftSection={<IconUpload size={16} aria-hidden />}
            disabled={!picked?.ok}
            loading={importCatalog.isPending}
            onClick={handleImport}
          >
            Import catalog
          </Button>
        </div>

        {importCatalog.isError && <ProblemAlert title="The import was refused" reason={errorReason(importCatalog.error)} problems={serverProblems} />}
        {result && (
          <Alert color="green" variant="light" role="status" icon={<IconCircleCheck size={18} aria-hidden />} title="Import finished">
            {describeSummary(result)}
          </Alert>
        )}
      </Stack>
    </Panel>
  );
}

function describeSummary({ created, updated, unchanged }: ImportSummary): string {
  return `${created} created, ${updated} updated, ${unchanged} unchanged.`;
}

function ProblemAlert({ title, reason, problems }: { title: string; reason: string; problems: Problem[] }) {
  return (
    <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} aria-hidden />} title={title}>
      <Stack gap={6}>
        <Text fz="sm">{reason}</Text>
        {problems.length > 0 && (
          <List size="sm" spacing={2}>
            {problems.slice(0, MAX_SHOWN).map((problem) => (
              <List.Item key={`${problem.path}:${problem.message}`}>
                <span className="ld-mono">{problem.path}</span>: {problem.message}
              </List.Item>
            ))}
          </List>
        )}
        {problems.length > MAX_SHOWN && (
          <Text fz="xs" c="dimmed">
            …and {problems.length - MAX_SHOWN} more.
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

async function readCatalogFile(file: File): Promise<Picked> {
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch {
    return { name: file.name, ok: false, reason: 'This file is not JSON. Choose a file made by Export catalog.', problems: [] };
  }
  const parsed = ZCatalogDocument.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(file)', message: issue.message }));
    return { name: file.name, ok: false, reason: 'Some records in the file are not valid. Fix them and choose the file again.', problems };
  }
  // The file goes as written: the server applies the same defaults and checks references between records.
  return { name: file.name, ok: true, document: data as TCatalogDocumentInput, summary: describeCatalogDocument(parsed.data) };
}
