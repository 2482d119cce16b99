import { formatCents, ORDER_TYPE_LABELS, type LineStatus, type TCustomerAccount } from '@linedesk/domain';
import { Badge, Button, Menu, Table, Tabs, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconDeviceMobile, IconFileDescription, IconReceipt } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { LineStatusBadge, OrderStatusBadge } from '../../../components/common/badges';
import { formatDate, formatDateTime, formatPhone } from '../../../lib/format';
import { RouterMenuItem } from '../../orders/order-links';
import { AccountSection, NotSet } from './account-section';

type Line = TCustomerAccount['lines'][number];
type Order = TCustomerAccount['orders'][number];
type Tab = 'lines' | 'orders';

/** Lines that bill: everything not over yet. */
const BILLING_STATUSES: readonly LineStatus[] = ['PENDING', 'ACTIVE', 'SUSPENDED'];

/**
 * The account's Services and Workflow section: its Lines, and the Orders that made or change them.
 * Each order's Options menu holds View Details, as in the reference product.
 */
export function ServicesAndWorkflow({
  lines,
  orders,
  highlightOrder,
}: {
  lines: Line[];
  orders: Order[];
  /** The order just created (from `?created=`): the Orders tab opens with its row marked. */
  highlightOrder: string | null;
}) {
  const [tab, setTab] = useState<Tab>(highlightOrder ? 'orders' : 'lines');
  const monthly = lines.filter((line) => BILLING_STATUSES.includes(line.status)).reduce((sum, line) => sum + line.monthlyCents, 0);
  return (
    <AccountSection
      title="Services and Workflow"
      aside={
        <Text fz="xs" c="dimmed">
          Monthly charges <Text span fz="sm" fw={700} c="var(--mantine-color-text)" className="ld-num">{formatCents(monthly)}</Text>
        </Text>
      }
      flush
    >
      <Tabs value={tab} onChange={(value) => setTab(value === 'orders' ? 'orders' : 'lines')} keepMounted={false}>
        <Tabs.List px="lg">
          <Tabs.Tab value="lines" leftSection={<IconDeviceMobile size={16} aria-hidden />} rightSection={<TabCount n={lines.length} />}>
            Lines
          </Tabs.Tab>
          <Tabs.Tab value="orders" leftSection={<IconReceipt size={16} aria-hidden />} rightSection={<TabCount n={orders.length} />}>
            Orders
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="lines">
          <LinesTable lines={lines} />
        </Tabs.Panel>
        <Tabs.Panel value="orders">
          <OrdersTable orders={orders} highlightOrder={highlightOrder} />
        </Tabs.Panel>
      </Tabs>
    </AccountSection>
  );
}

function TabCount({ n }: { n: number }) {
  return (
    <Badge size="sm" variant="light" color="gray" radius="sm">
      {n}
    </Badge>
  );
}

function EmptyTab({ children }: { children: string }) {
  return (
    <Text fz="sm" c="dimmed" px="lg" py="xl" ta="center">
      {children}
    </Text>
  );
}

function LinesTable({ lines }: { lines: Line[] }) {
  if (lines.length === 0) return <EmptyTab>No lines on this account yet.</EmptyTab>;
  return (
    <div className="ld-table-wrap">
      <Table aria-label="Lines" style={{ minWidth: 900 }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Number</Table.Th>
            <Table.Th scope="col">Line type</Table.Th>
            <Table.Th scope="col">Package</Table.Th>
            <Table.Th scope="col">User</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col" ta="right">
              Monthly
            </Table.Th>
            <Table.Th scope="col">Order</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <LineNumber line={line} />
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{line.lineTypeName}</Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{line.packageName}</Text>
              </Table.Td>
              <Table.Td>{line.userName ? <Text fz="sm">{line.userName}</Text> : <NotSet>—</NotSet>}</Table.Td>
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
              <Table.Td ta="right">
                <Text fz="sm" className="ld-num">
                  {formatCents(line.monthlyCents)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text className="ld-mono" fz="sm">
                  {line.orderNumber}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** The number in service, the number being ported in, or none yet (the carrier assigns it on activation). */
function LineNumber({ line }: { line: Line }) {
  if (!line.number) {
    return (
      <Text fz="sm" c="dimmed" fs="italic">
        Not assigned yet
      </Text>
    );
  }
  const number = formatPhone(line.number);
  if (line.isPortIn && line.status === 'PENDING') {
    return (
      <Text fz="sm">
        <Text span fz="sm" c="dimmed">
          Porting{' '}
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

function OrdersTable({ orders, highlightOrder }: { orders: Order[]; highlightOrder: string | null }) {
  if (orders.length === 0) return <EmptyTab>No orders on this account yet.</EmptyTab>;
  return (
    <div className="ld-table-wrap">
      <Table aria-label="Orders" style={{ minWidth: 900 }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Order</Table.Th>
            <Table.Th scope="col">Type</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Carrier</Table.Th>
            <Table.Th scope="col" ta="right">
              Lines
            </Table.Th>
            <Table.Th scope="col">Created</Table.Th>
            <Table.Th scope="col">Created by</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Options</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {orders.map((order) => (
            <OrderRow key={order.id} order={order} highlighted={order.orderNumber === highlightOrder} />
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

function OrderRow({ order, highlighted }: { order: Order; highlighted: boolean }) {
  const numberId = useId();
  return (
    <Table.Tr data-active={highlighted || undefined}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text id={numberId} className="ld-mono" fz="sm" fw={600}>
          {order.orderNumber}
        </Text>
        {highlighted && (
          <Text fz="xs" c="brand.7" fw={600}>
            Just created
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text fz="sm">{ORDER_TYPE_LABELS[order.orderType]}</Text>
      </Table.Td>
      <Table.Td>
        <OrderStatusBadge status={order.status} />
      </Table.Td>
      <Table.Td>
        <Text fz="sm">{order.carrierName}</Text>
      </Table.Td>
      <Table.Td ta="right">
        <Text fz="sm" className="ld-num">
          {order.lineCount}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Tooltip label={formatDateTime(order.createdAt)} openDelay={300} withinPortal>
          <Text component="time" dateTime={order.createdAt} fz="sm">
            {formatDate(order.createdAt)}
          </Text>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        <Text fz="sm">{order.createdBy}</Text>
      </Table.Td>
      <Table.Td ta="right">
        <OrderOptions orderId={order.id} describedBy={numberId} />
      </Table.Td>
    </Table.Tr>
  );
}

/** Options > View Details, the reference product's way into an order: opens the order page. */
function OrderOptions({ orderId, describedBy }: { orderId: string; describedBy: string }) {
  return (
    <Menu position="bottom-end" shadow="md" width={220} withinPortal>
      <Menu.Target>
        <Button variant="default" size="xs" rightSection={<IconChevronDown size={14} aria-hidden />} aria-describedby={describedBy}>
          Options
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <RouterMenuItem to="/orders/$orderId" params={{ orderId }} leftSection={<IconFileDescription size={16} aria-hidden />}>
          View Details
        </RouterMenuItem>
      </Menu.Dropdown>
    </Menu>
  );
}
