import { INVENTORY_KIND_LABELS, type TOrderLine, type TOrderLineItem } from '@linedesk/domain';
import { Badge, Button, Group, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconCircleCheck, IconUnlink } from '@tabler/icons-react';
import { LineStatusBadge } from '../../../../components/common/badges';
import { lineNumber, makeModel, needsText } from '../../order-text';

type Props = {
  line: TOrderLine;
  /** Null when the agent may not change this order's inventory now. */
  onUnassign: ((item: TOrderLineItem) => void) | null;
  /** The item (by id, or by value for the customer's own device) being taken off right now. */
  unassigningId: string | null;
};

/** One line on the Inventory tab: what it has (with Unassign), and what its line type still needs. */
export function LineInventory({ line, onUnassign, unassigningId }: Props) {
  const needs = needsText(line);
  const n = lineNumber(line.position);
  const headingId = `inventory-line-${line.id}`;
  return (
    <Paper component="section" aria-labelledby={headingId} style={{ borderColor: 'var(--ld-border)', overflow: 'hidden' }}>
      <Group justify="space-between" px="md" py="sm" gap="xs" wrap="wrap" bg="gray.0" style={{ borderBottom: '1px solid var(--ld-border)' }}>
        <Text id={headingId} component="h3" fz="sm" fw={700} m={0}>
          Line {n}
          <Text span fz="sm" fw={400} c="dimmed">
            {' '}
            · {line.lineTypeName} · {line.packageName}
            {line.userName ? ` · ${line.userName}` : ''}
          </Text>
        </Text>
        {line.status === 'CANCELLED' ? (
          <LineStatusBadge status={line.status} />
        ) : needs ? (
          <Badge color="orange" variant="light" radius="sm" tt="none" fw={600}>
            Needs {needs}
          </Badge>
        ) : (
          <Badge color="green" variant="light" radius="sm" tt="none" fw={600} leftSection={<IconCircleCheck size={14} aria-hidden />}>
            Has what it needs
          </Badge>
        )}
      </Group>
      {line.items.length === 0 ? (
        <Text fz="sm" c="dimmed" px="md" py="sm">
          Nothing assigned yet.
        </Text>
      ) : (
        <div className="ld-table-wrap">
          <Table aria-label={`Inventory on line ${n}`} verticalSpacing={6} horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Item</Table.Th>
                <Table.Th scope="col">Identifier</Table.Th>
                <Table.Th scope="col">Make and model</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {line.items.map((item) => {
                const itemId = item.itemId;
                return (
                  <Table.Tr key={`${item.identifierKind}-${item.value}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text fz="sm">{INVENTORY_KIND_LABELS[item.itemKind]}</Text>
                      {itemId === null && (
                        <Text fz="xs" c="dimmed">
                          Customer&apos;s own
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>
                        <Text span fz="xs" fw={600} c="dimmed" mr={6}>
                          {item.identifierKind}
                        </Text>
                        <span className="ld-mono" style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
                          {item.display}
                        </span>
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm">{makeModel(item) ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td ta="right" w={140}>
                      {onUnassign && (
                        <Button
                          variant="subtle"
                          color="red"
                          size="xs"
                          leftSection={<IconUnlink size={14} aria-hidden />}
                          loading={unassigningId === (itemId ?? item.value)}
                          aria-label={`Unassign ${item.identifierKind} ${item.display} from line ${n}`}
                          onClick={() => onUnassign(item)}
                        >
                          Unassign
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Paper>
  );
}
