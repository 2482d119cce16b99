import { INVENTORY_KIND_LABELS, INVENTORY_STATUS_LABELS, type InventoryStatus, type TStockIdentifier, type TStockItem } from '@linedesk/domain';
import { Badge, Stack, Text, Tooltip } from '@mantine/core';

// The lifecycle colours the app uses everywhere: blue is moving along (on an order), green in service,
// orange needs a look (back from a customer), red needs fixing, gray is over; teal is ready to sell.
const STATUS_COLORS: Record<InventoryStatus, string> = {
  AVAILABLE: 'teal',
  RESERVED: 'blue',
  ACTIVE: 'green',
  RETURNED: 'orange',
  DEFECTIVE: 'red',
  REMOVED: 'gray',
};

export function InventoryStatusBadge({ status }: { status: InventoryStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" radius="sm" tt="none" fw={600}>
      {INVENTORY_STATUS_LABELS[status]}
    </Badge>
  );
}

/** An item's identifiers, one a line, each with its label ("IMEI 2"). */
export function IdentifierLines({ identifiers, size = 'sm' }: { identifiers: TStockIdentifier[]; size?: 'xs' | 'sm' }) {
  return (
    <Stack gap={2}>
      {identifiers.map((identifier) => (
        <Text key={identifier.value} fz={size} style={{ whiteSpace: 'nowrap' }}>
          <Text span fz="xs" c="dimmed" fw={600} mr={6}>
            {identifier.label}
          </Text>
          <span className="ld-mono">{identifier.display}</span>
        </Text>
      ))}
    </Stack>
  );
}

/** Make and model, marked when they come from the TAC table rather than the item itself. */
export function MakeModel({ item }: { item: Pick<TStockItem, 'make' | 'model' | 'modelSource' | 'kind'> }) {
  if (!item.make && !item.model) {
    return (
      <Text fz="sm" c="dimmed">
        {INVENTORY_KIND_LABELS[item.kind]}
      </Text>
    );
  }
  return (
    <div>
      <Text fz="sm" fw={600}>
        {item.model ?? item.make}
      </Text>
      <Text fz="xs" c="dimmed">
        {item.model && item.make ? `${item.make} · ` : ''}
        {INVENTORY_KIND_LABELS[item.kind]}
        {item.modelSource === 'TAC' && (
          <Tooltip label="Named by the TAC table from the IMEI; the item has no make or model of its own" withinPortal>
            <Text span fz="xs" c="dimmed" td="underline" style={{ textDecorationStyle: 'dotted', cursor: 'help' }} ml={4} tabIndex={0}>
              (TAC)
            </Text>
          </Tooltip>
        )}
      </Text>
    </div>
  );
}
