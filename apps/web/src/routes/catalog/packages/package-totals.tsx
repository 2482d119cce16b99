import { formatCents, ORDER_TYPE_LABELS, WIZARD_ORDER_TYPES, type Cents, type OrderType, type TProduct } from '@linedesk/domain';
import { Group, Paper, Table, Text } from '@mantine/core';
import { packageTotals, type PackageProductDraft } from './package-pricing';

type Props = {
  pkg: { monthlyCents: Cents; activationFeeCents: Cents };
  rows: PackageProductDraft[];
  productsByCode: Map<string, TProduct>;
  orderTypes: OrderType[];
};

/**
 * What a line on this package costs, recomputed as the admin edits, for each order type the wizard
 * sells it on (products can differ between New and Conversion).
 */
export function PackageTotals({ pkg, rows, productsByCode, orderTypes }: Props) {
  const sold = WIZARD_ORDER_TYPES.filter((type) => orderTypes.includes(type));
  const lines: { label: string; orderType: OrderType | null }[] =
    sold.length > 0 ? sold.map((type) => ({ label: `${ORDER_TYPE_LABELS[type]} order`, orderType: type })) : [{ label: 'Any order', orderType: null }];

  return (
    <Paper p="md" bg="gray.0" style={{ borderColor: 'var(--ld-border)' }} aria-labelledby="package-totals-heading" component="section">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <div>
          <Text id="package-totals-heading" fw={600} fz="sm">
            Line totals
          </Text>
          <Text fz="xs" c="dimmed" maw={420}>
            Package price and activation fee, plus required and included-by-default products. Optional products are not counted.
          </Text>
        </div>
        <Table w="auto" withRowBorders={false} verticalSpacing={2} horizontalSpacing="md" aria-label="Line totals">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">
                <Text fz="xs" c="dimmed" fw={600}>
                  Order
                </Text>
              </Table.Th>
              <Table.Th scope="col" ta="right">
                <Text fz="xs" c="dimmed" fw={600}>
                  Monthly
                </Text>
              </Table.Th>
              <Table.Th scope="col" ta="right">
                <Text fz="xs" c="dimmed" fw={600}>
                  One-time
                </Text>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map(({ label, orderType }) => {
              const totals = packageTotals(pkg, rows, productsByCode, orderType);
              return (
                <Table.Tr key={label}>
                  <Table.Th scope="row" fw={500} fz="sm">
                    {label}
                  </Table.Th>
                  <Table.Td ta="right" fw={700} fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatCents(totals.monthlyCents)}
                  </Table.Td>
                  <Table.Td ta="right" fw={700} fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatCents(totals.oneTimeCents)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Group>
    </Paper>
  );
}
