import { formatCents, INVENTORY_KIND_LABELS, INVENTORY_STATUS_LABELS, type InventoryStatus, type TStockItemDetail } from '@linedesk/domain';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconBan, IconPencil, IconTrash, IconTruckReturn } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { DetailPage } from '../../../components/common/detail-page';
import { useDocumentTitle } from '../../../components/common/page';
import { RouterAnchor } from '../../../components/common/router-anchor';
import { useCurrentUser } from '../../../components/layout/current-user';
import { useStockItem } from '../../../hooks/api/inventory';
import { canAccess, STOCK_ROLES } from '../../../lib/access';
import { formatCalendarDate, formatDateTime } from '../../../lib/format';
import { AccountSection, DetailList, NotSet } from '../../customers/account/account-section';
import { IdentifierLines, InventoryStatusBadge } from '../inventory-parts';
import { EditItemDrawer } from './edit-item-drawer';
import { ItemHistory } from './item-history';
import { StatusChangeModal } from './status-change-modal';

const ACTION_LABELS: Partial<Record<InventoryStatus, { label: string; icon: ReactNode; color?: string }>> = {
  AVAILABLE: { label: 'Back to Available', icon: <IconArrowBackUp size={16} aria-hidden /> },
  RETURNED: { label: 'Mark Returned', icon: <IconTruckReturn size={16} aria-hidden /> },
  DEFECTIVE: { label: 'Mark Defective', icon: <IconBan size={16} aria-hidden />, color: 'red' },
  REMOVED: { label: 'Mark Removed', icon: <IconTrash size={16} aria-hidden />, color: 'red' },
};

/** Inventory > an item: its identifiers and details, its status actions, and its history. */
export function StockItemPage({ itemId }: { itemId: string }) {
  const item = useStockItem(itemId);
  const label = item.data ? itemLabel(item.data) : 'Item';
  useDocumentTitle(label);

  return (
    <DetailPage
      query={item}
      size={1200}
      parent={{ to: '/inventory/items', label: 'Inventory' }}
      noun="item"
      notFound={{
        action: 'Go to Inventory',
        children: 'The address may have been typed wrong. Find the item in Inventory by scanning or typing any of its identifiers.',
      }}
      current={itemLabel}
    >
      {(data) => <ItemBody item={data} label={itemLabel(data)} />}
    </DetailPage>
  );
}

function itemLabel(item: TStockItemDetail): string {
  const first = item.identifiers[0];
  return first ? `${first.label} ${first.display}` : INVENTORY_KIND_LABELS[item.kind];
}

function ItemBody({ item, label }: { item: TStockItemDetail; label: string }) {
  const user = useCurrentUser();
  const canKeepStock = canAccess(user.role, STOCK_ROLES);
  const [target, setTarget] = useState<InventoryStatus | null>(null);
  const [editing, setEditing] = useState(false);
  const open = item.statusActions.filter((action) => action.allowed);
  const closed = item.statusActions.filter((action) => !action.allowed);
  // "Aurora X5 128 GB", not "Aurora Aurora X5 128 GB": a model often starts with its make.
  const title = (item.make && item.model?.startsWith(item.make) ? item.model : [item.make, item.model].filter(Boolean).join(' ')) || INVENTORY_KIND_LABELS[item.kind];

  return (
    <>
      <Paper p="lg" style={{ borderColor: 'var(--ld-border)' }}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <Stack gap={6}>
            <Group gap="sm" align="center">
              <Title order={1}>{title}</Title>
              <InventoryStatusBadge status={item.status} />
            </Group>
            <Text fz="sm" c="dimmed">
              {INVENTORY_KIND_LABELS[item.kind]} · {item.carrierCode}
              {item.modelSource === 'TAC' ? ' · make and model from the TAC table' : ''}
            </Text>
            <IdentifierLines identifiers={item.identifiers} />
          </Stack>
          {canKeepStock && (
            <Group gap="sm">
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                Edit
              </Button>
              {open.map((action) => {
                const look = ACTION_LABELS[action.status];
                return (
                  <Button key={action.status} variant="light" color={look?.color} leftSection={look?.icon} onClick={() => setTarget(action.status)}>
                    {look?.label ?? INVENTORY_STATUS_LABELS[action.status]}
                  </Button>
                );
              })}
            </Group>
          )}
        </Group>
        {canKeepStock && closed.length > 0 && (
          <Text fz="xs" c="dimmed" mt="sm">
            {[...new Set(closed.map((action) => action.reason))].join('. ')}.
          </Text>
        )}
      </Paper>

      <AccountSection title="Details">
        <DetailList
          cols={{ base: 1, xs: 2, md: 3 }}
          items={[
            { label: 'Make', value: item.make ?? <NotSet /> },
            { label: 'Model', value: item.model ?? <NotSet /> },
            { label: 'Carrier', value: <span className="ld-mono">{item.carrierCode}</span> },
            { label: 'Location', value: item.location ?? <NotSet /> },
            { label: 'Agent', value: item.agentCode ? <span className="ld-mono">{item.agentCode}</span> : <NotSet /> },
            { label: 'Cost', value: item.costCents === null ? <NotSet /> : formatCents(item.costCents) },
            { label: 'Received', value: item.receivedOn ? formatCalendarDate(item.receivedOn) : <NotSet /> },
            { label: 'Purchase order', value: item.purchaseOrder ? <span className="ld-mono">{item.purchaseOrder}</span> : <NotSet /> },
            {
              label: 'Order',
              value: item.orderId ? (
                <RouterAnchor to="/orders/$orderId" params={{ orderId: item.orderId }} fz="sm">
                  View Details
                </RouterAnchor>
              ) : (
                <NotSet>Not on an order</NotSet>
              ),
            },
            { label: 'Last change', value: formatDateTime(item.updatedAt) },
          ]}
        />
      </AccountSection>

      <AccountSection title="History" description="Every change to this item, newest first: who made it, when, and why." flush>
        <ItemHistory history={item.history} />
      </AccountSection>

      <StatusChangeModal item={item} status={target} itemLabel={label} onClose={() => setTarget(null)} />
      <EditItemDrawer item={item} opened={editing} itemLabel={label} onClose={() => setEditing(false)} />
    </>
  );
}
