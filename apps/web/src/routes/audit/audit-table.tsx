import type { TAuditEntry } from '@linedesk/domain';
import { Stack, Table, Text } from '@mantine/core';
import { actionLabel, changeLines } from '../../lib/audit-format';
import { formatDateTime, formatRelative } from '../../lib/format';

export function AuditTable({ entries }: { entries: TAuditEntry[] }) {
  return (
    <div className="ld-table-wrap">
      <Table aria-label="Audit log" verticalSpacing="sm" horizontalSpacing="sm" style={{ minWidth: 960 }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Who</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">Entity type</Table.Th>
            <Table.Th scope="col">Entity id</Table.Th>
            <Table.Th scope="col" style={{ minWidth: 260 }}>
              Changes
            </Table.Th>
            <Table.Th scope="col">Request id</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <AuditRow key={entry.id} entry={entry} />
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

function AuditRow({ entry }: { entry: TAuditEntry }) {
  const lines = changeLines(entry.changes);
  return (
    <Table.Tr style={{ verticalAlign: 'top' }}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text component="time" dateTime={entry.at} fz="sm" display="block">
          {formatDateTime(entry.at)}
        </Text>
        <Text fz="xs" c="dimmed">
          {formatRelative(entry.at)}
        </Text>
      </Table.Td>
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
