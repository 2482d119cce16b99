import { formatCents, type TStockItem } from '@linedesk/domain';
import { Table, Text } from '@mantine/core';
import { ClickableRow, DataTable, type ResultsTableProps } from '../../../components/common/data-table';
import { RouterAnchor } from '../../../components/common/router-anchor';
import { formatCalendarDate } from '../../../lib/format';
import { IdentifierLines, InventoryStatusBadge, MakeModel } from '../inventory-parts';

export function StockItemsTable({ rows, activeIndex, onOpen, stale }: ResultsTableProps<TStockItem>) {
  return (
    <DataTable
      label="Stock items"
      columns={['Identifiers', 'Item', 'Carrier', 'Status', 'Location', 'Received', { label: 'Cost', align: 'right' }]}
      minWidth={980}
      stale={stale}
      highlightOnHover
      horizontalSpacing="sm"
      verticalSpacing={10}
    >
      {rows.map((item, index) => (
        // The whole row is a mouse target; keyboard users get the link in it (or Enter in the search box).
        <ClickableRow key={item.id} active={index === activeIndex} onOpen={() => onOpen(item)} style={{ verticalAlign: 'top' }}>
          <Table.Td>
            <RouterAnchor
              to="/inventory/items/$itemId"
              params={{ itemId: item.id }}
              fz="sm"
              underline="hover"
              onClick={(event) => event.stopPropagation()}
              aria-label={`View Details of ${item.identifiers.map((i) => `${i.label} ${i.display}`).join(', ')}`}
            >
              <IdentifierLines identifiers={item.identifiers} />
            </RouterAnchor>
          </Table.Td>
          <Table.Td miw={180}>
            <MakeModel item={item} />
          </Table.Td>
          <Table.Td>
            <Text fz="sm" className="ld-mono">
              {item.carrierCode}
            </Text>
          </Table.Td>
          <Table.Td>
            <InventoryStatusBadge status={item.status} />
          </Table.Td>
          <Table.Td miw={140}>
            <Text fz="sm" c={item.location ? undefined : 'dimmed'}>
              {item.location ?? '—'}
            </Text>
            {item.agentCode && (
              <Text fz="xs" c="dimmed">
                Agent <span className="ld-mono">{item.agentCode}</span>
              </Text>
            )}
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>
            <Text fz="sm">{item.receivedOn ? formatCalendarDate(item.receivedOn) : '—'}</Text>
            {item.purchaseOrder && (
              <Text fz="xs" c="dimmed">
                PO <span className="ld-mono">{item.purchaseOrder}</span>
              </Text>
            )}
          </Table.Td>
          <Table.Td ta="right">
            <Text fz="sm" className="ld-num" c={item.costCents === null ? 'dimmed' : undefined}>
              {item.costCents === null ? '—' : formatCents(item.costCents)}
            </Text>
          </Table.Td>
        </ClickableRow>
      ))}
    </DataTable>
  );
}
