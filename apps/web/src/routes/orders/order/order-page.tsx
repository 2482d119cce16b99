import { inventoryChangeRefusal, type TOrderDetail } from '@linedesk/domain';
import { Badge, Paper, Tabs } from '@mantine/core';
import { IconBarcode, IconCircleCheck, IconHistory, IconMessages } from '@tabler/icons-react';
import { useState } from 'react';
import { DetailPage } from '../../../components/common/detail-page';
import { useDocumentTitle } from '../../../components/common/page';
import { useCurrentUser } from '../../../components/layout/current-user';
import { useOrder } from '../../../hooks/api/orders';
import { canAccess } from '../../../lib/access';
import { useFollowOrderChanges } from '../../../hooks/api/provisioning';
import { CarrierMessagesTab } from './carrier-messages-tab';
import { CarrierStatus } from './carrier-status';
import { HistoryTab } from './history-tab';
import { InventoryTab, inventoryLock } from './inventory/inventory-tab';
import { useInventoryWork } from './inventory/use-inventory-work';
import { OrderHeader } from './order-header';
import { OrderLines } from './order-lines';
import { INVENTORY_WORK_ROLES, ORDER_ACTION_ROLES } from './order-roles';

type Tab = 'inventory' | 'carrier-messages' | 'history';
const TABS: readonly Tab[] = ['inventory', 'carrier-messages', 'history'];

/** One order: its header with Send and Cancel, where it stands with the carrier, its lines, then the Inventory, Carrier Messages and History tabs. */
export function OrderPage({ orderId }: { orderId: string }) {
  const order = useOrder(orderId);
  useDocumentTitle(order.data ? `Order ${order.data.orderNumber}` : 'Order');

  return (
    <DetailPage
      query={order}
      size={1400}
      parent={{ to: '/orders', label: 'Orders' }}
      noun="order"
      notFound={{
        action: 'Go to Orders',
        children: "The address may have been typed wrong. Find the order in Orders by its number, the account, the line's number or a device or SIM on it.",
      }}
      current={(data) => data.orderNumber}
    >
      {(data) => <OrderBody order={data} />}
    </DetailPage>
  );
}

function OrderBody({ order }: { order: TOrderDetail }) {
  const user = useCurrentUser();
  const canAct = canAccess(user.role, ORDER_ACTION_ROLES);
  const canWorkInventory = canAccess(user.role, INVENTORY_WORK_ROLES);
  const [tab, setTab] = useState<Tab>('inventory');
  const inventory = useInventoryWork(order.id);
  useFollowOrderChanges(order);
  const needed = order.lines.reduce((sum, line) => sum + line.missing.length, 0);
  // The tab says how much is still needed while inventory can change; after that there is nothing to count.
  const editable = inventoryChangeRefusal(order.status, order.carrier.error?.code ?? null) === null;
  return (
    <>
      <OrderHeader order={order} canAct={canAct} />
      <CarrierStatus order={order} />
      <OrderLines order={order} canEditPortIn={canAct} />
      <Paper style={{ borderColor: 'var(--ld-border)', overflow: 'hidden' }}>
        <Tabs value={tab} onChange={(value) => setTab(TABS.find((t) => t === value) ?? 'inventory')} keepMounted={false}>
          <Tabs.List px="lg" pt="xs">
            <Tabs.Tab
              value="inventory"
              leftSection={<IconBarcode size={16} aria-hidden />}
              rightSection={
                !editable ? null : needed > 0 ? (
                  <Badge size="sm" variant="light" color="orange" radius="sm" tt="none">
                    {needed} needed
                  </Badge>
                ) : (
                  <IconCircleCheck size={16} color="var(--mantine-color-green-7)" aria-label="nothing needed" />
                )
              }
            >
              Inventory
            </Tabs.Tab>
            <Tabs.Tab value="carrier-messages" leftSection={<IconMessages size={16} aria-hidden />}>
              Carrier Messages
            </Tabs.Tab>
            <Tabs.Tab value="history" leftSection={<IconHistory size={16} aria-hidden />}>
              History
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="inventory">
            <InventoryTab order={order} lock={inventoryLock(order, canWorkInventory)} work={inventory} />
          </Tabs.Panel>
          <Tabs.Panel value="carrier-messages">
            <CarrierMessagesTab order={order} />
          </Tabs.Panel>
          <Tabs.Panel value="history">
            <HistoryTab orderId={order.id} />
          </Tabs.Panel>
        </Tabs>
      </Paper>
    </>
  );
}
