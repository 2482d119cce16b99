import type { TAuditEntry } from '@linedesk/domain';
import { Stack, Table, Text } from '@mantine/core';
import { DataTable, WhenCell } from '../../components/common/data-table';
import { actionLabel, changeLines } from '../../lib/audit-format';

export function AuditTable({ entries }: { entries: TAuditEntry[] }) {
  return (
    <DataTable
      label="Audit log"
      columns={['When', 'Who', 'Action', 'Entity type', 'Entity id', { label: 'Changes', style: { minWidth: 260 } }, 'Request id']}
      minWidth={960}
      verticalSpacing="sm"
      horizontalSpacing="sm"
    >
      {entries.map((entry) => (
        <AuditRow key={entry.id} entry={entry} />
      ))}
    </DataTable>
  );
}

function AuditRow({ entry }: { entry: TAuditEntry }) {
  const lines = changeLines(entry.changes);
  return (
    <Table.Tr style={{ verticalAlign: 'top' }}>
      <WhenCell at={entry.at} />
      <Table.Td>
        <Text fz="sm">
          <BreakAfterAt text={entry.actorLabel} />
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text fz="sm" fw={500}>
          {actionLabel(entry.action)}
        </Text>
        {/* The raw code is what the Action filter matches. */}
        <Text className="ld-mono" c="dimmed">
          {entry.action}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text className="ld-mono">{entry.entityType}</Text>
      </Table.Td>
      <Table.Td>
        <Identifier value={entry.entityId} />
      </Table.Td>
      <Table.Td>
        {lines.length === 0 ? (
          <Text fz="sm" c="dimmed">
            —
          </Text>
        ) : (
          <Stack gap={2}>
            {lines.map((line) => (
              <Text key={line.field} fz="sm" style={{ overflowWrap: 'anywhere' }}>
                <Text span fz="sm" c="dimmed">
                  {line.field}:
                </Text>{' '}
                {line.from} → {line.to}
              </Text>
            ))}
          </Stack>
        )}
      </Table.Td>
      <Table.Td>
        {entry.requestId ? (
          <Identifier value={entry.requestId} />
        ) : (
          <Text fz="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Long ids stay whole in the markup (for copying and searching) but show shortened, in full on hover. */
function Identifier({ value }: { value: string }) {
  return (
    <Text className="ld-mono" title={value} maw={96} truncate="end">
      {value}
    </Text>
  );
}

/** Lets a long email wrap after its "@" rather than mid-word when the column is narrow. */
function BreakAfterAt({ text }: { text: string }) {
  const at = text.indexOf('@');
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at + 1)}
      <wbr />
      {text.slice(at + 1)}
    </>
  );
}
