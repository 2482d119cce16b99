import { CUSTOMER_CLASS_LABELS, type TCustomerSearchResult } from '@linedesk/domain';
import { Badge, Table, Text } from '@mantine/core';
import { CustomerStatusBadge } from '../../../components/common/badges';
import { ClickableRow, DataTable } from '../../../components/common/data-table';
import { RouterAnchor } from '../../../components/common/router-anchor';
import { formatPhone } from '../../../lib/format';

type Props = {
  id: string;
  results: TCustomerSearchResult[];
  /** The row Enter in the search box opens, marked so it can be seen. */
  activeIndex: number | null;
  onOpen: (customer: TCustomerSearchResult) => void;
  /** The results of the previous search, still showing while the next one loads. */
  stale: boolean;
};

export function CustomerResultsTable({ id, results, activeIndex, onOpen, stale }: Props) {
  return (
    <DataTable
      id={id}
      label="Customers found"
      columns={['Account', 'Name and class', 'Status', 'Service address', 'Phone', 'Email', 'Matched on']}
      minWidth={980}
      stale={stale}
      highlightOnHover
      horizontalSpacing="sm"
    >
      {results.map((customer, index) => (
        <ClickableRow key={customer.id} active={index === activeIndex} onOpen={() => onOpen(customer)}>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>
            <RouterAnchor
              to="/customers/$customerId"
              params={{ customerId: customer.id }}
              className="ld-mono"
              fw={600}
              fz="sm"
              onClick={(event) => event.stopPropagation()}
            >
              {customer.accountNumber}
            </RouterAnchor>
          </Table.Td>
          <Table.Td miw={150}>
            <Text fz="sm" fw={600}>
              {customer.displayName}
            </Text>
            <Text fz="xs" c="dimmed">
              {CUSTOMER_CLASS_LABELS[customer.customerClass]}
            </Text>
          </Table.Td>
          <Table.Td>
            <CustomerStatusBadge status={customer.status} />
          </Table.Td>
          <Table.Td miw={180} maw={260}>
            <Optional text={customer.serviceAddress} />
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>
            <Optional text={customer.primaryPhone && formatPhone(customer.primaryPhone)} />
          </Table.Td>
          <Table.Td>
            {customer.email ? (
              <Text fz="sm">
                <BreakAfterAt text={customer.email} />
              </Text>
            ) : (
              <Optional text={null} />
            )}
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>
            <Badge variant="outline" color="gray" radius="sm" tt="none" fw={500}>
              {customer.matchedOn}
            </Badge>
          </Table.Td>
        </ClickableRow>
      ))}
    </DataTable>
  );
}

function Optional({ text }: { text: string | null }) {
  if (!text) {
    return (
      <Text fz="sm" c="dimmed">
        —
      </Text>
    );
  }
  return <Text fz="sm">{text}</Text>;
}

/** A long email wraps after its "@" rather than mid-word when the column is narrow. */
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
