import { formatCents, ORDER_TYPE_LABELS, portInEditRefusal, PRODUCT_KIND_LABELS, type TOrderDetail, type TOrderLine } from '@linedesk/domain';
import { Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconChevronDown, IconChevronRight, IconPencil } from '@tabler/icons-react';
import { Fragment, useId, useState, type ReactNode } from 'react';
import { LineStatusBadge } from '../../../components/common/badges';
import { ChargeColumnHeaders } from '../../../components/common/charge-column-headers';
import { formatDate, formatDateTime, formatPhone } from '../../../lib/format';
import { lineNumber } from '../order-text';
import { EditPortInModal } from './edit-port-in-modal';

const COLUMNS = 9;

/** Where the line's device comes from, short enough for its column. */
const DEVICE_SOURCES: Record<TOrderLine['deviceSource'], string> = { STOCK: 'From stock', BYOD: 'Customer’s own' };

/**
 * The order's lines as sold: package, user, number, device, status and charges; each line's products open below it.
 * `canEditPortIn`: the user may correct a port-in's account at the old carrier (Edit port-in), while the order allows it.
 */
export function OrderLines({ order, canEditPortIn = false }: { order: TOrderDetail; canEditPortIn?: boolean }) {
  const headingId = useId();
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const [editingId, setEditingId] = useState<string | null>(null);
  const editablePortIn = (line: TOrderLine) => canEditPortIn && line.portIn !== null && portInEditRefusal({ status: order.status, carrierErrorCode: order.carrier.error?.code ?? null }, line) === null;
  const editing = order.lines.find((line) => line.id === editingId && editablePortIn(line)) ?? null;
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <section aria-labelledby={headingId}>
      <Paper style={{ borderColor: 'var(--ld-border)', overflow: 'hidden' }}>
        <Group justify="space-between" align="baseline" px="lg" pt="md" pb="sm">
          <Title id={headingId} order={2} fz="md">
            Lines
          </Title>
          <Text fz="xs" c="dimmed">
            {order.lines.length === 1 ? '1 line' : `${order.lines.length} lines`} · open a line&apos;s products to see what it is charged
          </Text>
        </Group>
        <div className="ld-table-wrap">
          <Table aria-label="Lines" verticalSpacing={10} horizontalSpacing="sm" style={{ minWidth: 980 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Line</Table.Th>
                <Table.Th scope="col">Package</Table.Th>
                <Table.Th scope="col">User name</Table.Th>
                <Table.Th scope="col">Number</Table.Th>
                <Table.Th scope="col">Device</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <ChargeColumnHeaders />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {order.lines.map((line) => (
                <LineRows
                  key={line.id}
                  line={line}
                  orderType={order.orderType}
                  expanded={open.has(line.id)}
                  onToggle={() => toggle(line.id)}
                  onEditPortIn={editablePortIn(line) ? () => setEditingId(line.id) : null}
                />
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row" colSpan={6}>
                  Order total
                  {order.depositCents > 0 && (
                    <Text span fz="sm" fw={400} c="dimmed">
                      {' '}
                      · deposit {formatCents(order.depositCents)}
                    </Text>
                  )}
                </Table.Th>
                <Table.Td ta="right" fw={700} className="ld-num">
                  {formatCents(order.monthlyCents)}/mo
                </Table.Td>
                <Table.Td ta="right" fw={700} className="ld-num">
                  {formatCents(order.oneTimeCents)}
                </Table.Td>
                <Table.Td />
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </div>
      </Paper>
      {canEditPortIn && <EditPortInModal order={order} line={editing} onClose={() => setEditingId(null)} />}
    </section>
  );
}

type LineRowsProps = {
  line: TOrderLine;
  orderType: TOrderDetail['orderType'];
  expanded: boolean;
  onToggle: () => void;
  /** Opens Edit port-in for this line; null when its port-in cannot be changed now (or by this user). */
  onEditPortIn: (() => void) | null;
};

function LineRows({ line, orderType, expanded, onToggle, onEditPortIn }: LineRowsProps) {
  const n = lineNumber(line.position);
  const productsId = useId();
  return (
    <Fragment>
      <Table.Tr style={{ verticalAlign: 'top' }} data-active={expanded || undefined}>
        <Table.Th scope="row" fw={400} style={{ whiteSpace: 'nowrap' }}>
          <Text fz="sm" fw={700}>
            Line {n}
          </Text>
          <Text fz="xs" c="dimmed">
            {line.lineTypeName}
          </Text>
          {line.orderType !== orderType && (
            <Badge variant="outline" color="gray" radius="sm" tt="none" fw={500} size="xs" mt={2}>
              {ORDER_TYPE_LABELS[line.orderType]}
            </Badge>
          )}
        </Table.Th>
        <Table.Td miw={150}>
          <Text fz="sm">{line.packageName}</Text>
          <Text className="ld-mono" c="dimmed">
            {line.packageCode}
          </Text>
        </Table.Td>
        <Table.Td miw={120}>{line.userName ? <Text fz="sm">{line.userName}</Text> : <Muted>Not set</Muted>}</Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <LineNumber line={line} />
          {onEditPortIn && (
            <Button
              variant="subtle"
              size="compact-xs"
              mt={2}
              ml={-6}
              leftSection={<IconPencil size={13} aria-hidden />}
              onClick={onEditPortIn}
              aria-label={`Edit port-in of line ${n}`}
              aria-haspopup="dialog"
            >
              Edit port-in
            </Button>
          )}
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <Text fz="sm">{DEVICE_SOURCES[line.deviceSource]}</Text>
        </Table.Td>
        <Table.Td>
          <LineStatusBadge status={line.status} />
          {line.activatedAt && (
            <Text fz="xs" c="dimmed" mt={2}>
              Activated{' '}
              <Text span component="time" dateTime={line.activatedAt} fz="xs" title={formatDateTime(line.activatedAt)} style={{ whiteSpace: 'nowrap' }}>
                {formatDate(line.activatedAt)}
              </Text>
            </Text>
          )}
        </Table.Td>
        <Table.Td ta="right" className="ld-num">
          <Text fz="sm" className="ld-num">
            {formatCents(line.monthlyCents)}
          </Text>
        </Table.Td>
        <Table.Td ta="right" className="ld-num">
          <Text fz="sm" className="ld-num">
            {formatCents(line.oneTimeCents)}
          </Text>
        </Table.Td>
        <Table.Td ta="right">
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={onToggle}
            aria-expanded={expanded}
            aria-controls={expanded ? productsId : undefined}
            aria-label={`Products on line ${n} (${line.products.length})`}
            leftSection={expanded ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
          >
            Products ({line.products.length})
          </Button>
        </Table.Td>
      </Table.Tr>
      {line.carrierRejection && (
        <Table.Tr>
          <Table.Td colSpan={COLUMNS} py={8} bg="red.0" style={{ borderLeft: '3px solid var(--mantine-color-red-6)' }}>
            <Group gap={8} wrap="wrap" align="baseline">
              <IconAlertTriangle size={15} color="var(--mantine-color-red-7)" aria-hidden style={{ flexShrink: 0, alignSelf: 'center' }} />
              <Text fz="sm" c="red.8" fw={600} style={{ whiteSpace: 'nowrap' }}>
                Line {n} refused by the carrier
              </Text>
              <Text fz="sm" c="red.8" className="ld-mono" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {line.carrierRejection.code}
              </Text>
              <Text fz="sm" c="red.9" style={{ overflowWrap: 'anywhere' }}>
                {line.carrierRejection.text}
              </Text>
            </Group>
          </Table.Td>
        </Table.Tr>
      )}
      {expanded && (
        <Table.Tr id={productsId}>
          <Table.Td colSpan={COLUMNS} bg="gray.0" px="lg" py="sm">
            <LineProducts line={line} />
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

/** A line's package and products with their charges, as sold (the line's own copy of the catalog). */
function LineProducts({ line }: { line: TOrderLine }) {
  const n = lineNumber(line.position);
  // A line is charged its package plus its products (the wizard's rule), so the package's own share is the difference.
  const packageMonthly = line.monthlyCents - line.products.reduce((sum, product) => sum + product.monthlyCents, 0);
  const packageOneTime = line.oneTimeCents - line.products.reduce((sum, product) => sum + product.oneTimeCents, 0);
  return (
    <Paper style={{ borderColor: 'var(--ld-border)', overflow: 'hidden' }}>
      <Table aria-label={`Products on line ${n}`} verticalSpacing={6} horizontalSpacing="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Product</Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col" ta="right">
              Quantity
            </Table.Th>
            <ChargeColumnHeaders />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row" fw={400}>
              <Text fz="sm" fw={600}>
                {line.packageName}
              </Text>
              <Text fz="xs" c="dimmed">
                Package price and activation fee
              </Text>
            </Table.Th>
            <Table.Td>
              <Text fz="sm">Package</Text>
            </Table.Td>
            <Table.Td ta="right">
              <Text fz="sm">1</Text>
            </Table.Td>
            <Money cents={packageMonthly} />
            <Money cents={packageOneTime} />
            <Table.Td />
          </Table.Tr>
          {line.products.map((product) => (
            <Table.Tr key={product.productCode}>
              <Table.Th scope="row" fw={400}>
                <Text fz="sm" fw={600}>
                  {product.name}
                </Text>
                <Text className="ld-mono" c="dimmed">
                  {product.productCode}
                </Text>
              </Table.Th>
              <Table.Td>
                <Text fz="sm">{PRODUCT_KIND_LABELS[product.kind]}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text fz="sm">{product.quantity}</Text>
              </Table.Td>
              <Money cents={product.monthlyCents} note={product.isPriceOverridden ? 'Price overridden' : null} />
              <Money cents={product.oneTimeCents} />
              <Table.Td />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function Money({ cents, note = null }: { cents: number; note?: string | null }) {
  return (
    <Table.Td ta="right">
      <Text fz="sm" className="ld-num">
        {formatCents(cents)}
      </Text>
      {note && (
        <Text fz="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Table.Td>
  );
}

/** The number in service, the number being ported in, or none yet (the carrier assigns it on activation). */
function LineNumber({ line }: { line: TOrderLine }) {
  if (!line.number) {
    return (
      <Text fz="sm" c="dimmed" fs="italic">
        Not assigned yet
      </Text>
    );
  }
  const number = formatPhone(line.number);
  // A number being ported in is not in service yet (and never will be on a cancelled line).
  if (line.isPortIn && (line.status === 'PENDING' || line.status === 'CANCELLED')) {
    return (
      <Text fz="sm" c={line.status === 'CANCELLED' ? 'dimmed' : undefined}>
        <Text span fz="sm" c="dimmed">
          {line.status === 'CANCELLED' ? 'Port-in ' : 'Porting '}
        </Text>
        <span className="ld-num">{number}</span>
      </Text>
    );
  }
  return (
    <Text fz="sm" fw={600} className="ld-num">
      {number}
    </Text>
  );
}

function Muted({ children }: { children: ReactNode }) {
  return (
    <Text span fz="sm" c="dimmed">
      {children}
    </Text>
  );
}
