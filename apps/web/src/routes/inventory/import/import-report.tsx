import { csvCell, IMPORT_OUTCOME_LABELS, IMPORT_OUTCOMES, type ImportOutcome, type TStockImportEntry, type TStockImportReport } from '@linedesk/domain';
import { Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { RouterAnchor } from '../../../components/common/router-anchor';
import { AccountSection } from '../../customers/account/account-section';
import { downloadText } from './download';

const OUTCOME_COLORS: Record<ImportOutcome, string> = { ACCEPTED: 'green', UNCHANGED: 'gray', REFUSED: 'red' };
/** Rows drawn at once; the rest are one click away (a report can list thousands). */
const SHOWN = 200;

type Filter = ImportOutcome | 'ALL';

/** The import's report: counts, then each row's outcome, refused rows with every reason. */
export function ImportReport({ report }: { report: TStockImportReport }) {
  const [filter, setFilter] = useState<Filter>(report.refused > 0 ? 'REFUSED' : 'ALL');
  const [limit, setLimit] = useState(SHOWN);
  const counts: Record<ImportOutcome, number> = { ACCEPTED: report.accepted, UNCHANGED: report.unchanged, REFUSED: report.refused };
  const rows = report.entries.filter((entry) => filter === 'ALL' || entry.outcome === filter);
  const shown = rows.slice(0, limit);
  const refused = report.entries.filter((entry) => entry.outcome === 'REFUSED');

  return (
    <AccountSection
      title={`Report: ${report.fileName}`}
      description={`${report.rows.toLocaleString()} rows read. Refused rows changed nothing: fix them in the file and import it again.`}
      flush
      aside={
        <Group gap="xs">
          {IMPORT_OUTCOMES.map((outcome) => (
            <Badge key={outcome} color={OUTCOME_COLORS[outcome]} variant="light" radius="sm" tt="none" size="lg">
              {counts[outcome].toLocaleString()} {IMPORT_OUTCOME_LABELS[outcome].toLowerCase()}
            </Badge>
          ))}
        </Group>
      }
    >
      <Stack gap="sm" px="lg" pb="sm">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <SegmentedControl
            aria-label="Show rows"
            value={filter}
            onChange={(value) => {
              setFilter((['ALL', ...IMPORT_OUTCOMES] as Filter[]).find((option) => option === value) ?? 'ALL');
              setLimit(SHOWN);
            }}
            data={[{ value: 'ALL', label: 'All rows' }, ...IMPORT_OUTCOMES.map((outcome) => ({ value: outcome, label: IMPORT_OUTCOME_LABELS[outcome] }))]}
          />
          {refused.length > 0 && (
            <Button variant="default" size="sm" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => downloadText(`refused-${report.fileName}`, refusedCsv(refused))}>
              Download refused rows
            </Button>
          )}
        </Group>
        {report.entriesOmitted > 0 && (
          <Text fz="xs" c="dimmed">
            The first {(report.accepted + report.unchanged - report.entriesOmitted).toLocaleString()} accepted and already-in-stock rows are listed; {report.entriesOmitted.toLocaleString()} more were
            counted but not listed. Every refused row is listed.
          </Text>
        )}
      </Stack>
      {shown.length === 0 ? (
        <Text fz="sm" c="dimmed" px="lg" pb="lg">
          No rows with this outcome.
        </Text>
      ) : (
        <div className="ld-table-wrap">
          <Table aria-label="Import report" verticalSpacing="sm" horizontalSpacing="md" style={{ minWidth: 820 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" ta="right">
                  Line
                </Table.Th>
                <Table.Th scope="col">Outcome</Table.Th>
                <Table.Th scope="col">Identifiers</Table.Th>
                <Table.Th scope="col">Reason</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((entry) => (
                <ReportRow key={entry.line} entry={entry} />
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {rows.length > limit && (
        <Group justify="center" p="md">
          <Button variant="subtle" onClick={() => setLimit((current) => current + SHOWN * 5)}>
            Show more ({(rows.length - limit).toLocaleString()} left)
          </Button>
        </Group>
      )}
    </AccountSection>
  );
}

function ReportRow({ entry }: { entry: TStockImportEntry }) {
  return (
    <Table.Tr style={{ verticalAlign: 'top' }}>
      <Table.Td ta="right">
        <Text fz="sm" className="ld-num">
          {entry.line}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge color={OUTCOME_COLORS[entry.outcome]} variant="light" radius="sm" tt="none">
          {IMPORT_OUTCOME_LABELS[entry.outcome]}
        </Badge>
      </Table.Td>
      <Table.Td>
        {entry.identifiers.length === 0 ? (
          <Text fz="sm" c="dimmed">
            —
          </Text>
        ) : entry.itemId ? (
          <RouterAnchor to="/inventory/items/$itemId" params={{ itemId: entry.itemId }} fz="sm" className="ld-mono" underline="hover">
            {entry.identifiers.join(', ')}
          </RouterAnchor>
        ) : (
          <Text fz="sm" className="ld-mono">
            {entry.identifiers.join(', ')}
          </Text>
        )}
      </Table.Td>
      <Table.Td miw={320}>
        {entry.problems.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {entry.outcome === 'UNCHANGED' ? 'In stock as the file describes it' : 'Received as Available'}
          </Text>
        ) : (
          <Stack gap={2}>
            {entry.problems.map((problem) => (
              <Text key={`${problem.field}:${problem.rule}`} fz="sm">
                <Text span fz="sm" className="ld-mono" fw={600}>
                  {problem.field}
                </Text>
                : {problem.message}
              </Text>
            ))}
          </Stack>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function refusedCsv(entries: TStockImportEntry[]): string {
  const lines = ['line,column,rule,reason'];
  for (const entry of entries) {
    for (const problem of entry.problems) lines.push([entry.line, problem.field, problem.rule, problem.message].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
