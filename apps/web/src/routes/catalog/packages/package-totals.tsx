import { formatCents, ORDER_TYPE_LABELS, WIZARD_ORDER_TYPES, type Cents, type OrderType, type TProduct } from '@linedesk/domain';
import { Group, Paper, Table, Text } from '@mantine/core';
import { packageTotals, type PackageProductDraft } from './package-pricing';

type Props = {
  pkg: { monthlyCents: Cents; activationFeeCents: Cents };
  rows: PackageProductDraft[];
  productsByCode: Map<string, TProduct>;
  orderTypes: OrderType[];
  /** The chosen carrier, if any: whether it fills Products from the package, and its name. */
  carrier: { name: string; populatesProducts: boolean } | undefined;
};

/**
 * What a line on this package costs, recomputed as the admin edits, for each order type the wizard
 * sells it on (products can differ between New and Conversion): the same sums as the package offer
 * the wizard charges from.
 */
export function PackageTotals({ pkg, rows, productsByCode, orderTypes, carrier }: Props) {
  const sold = WIZARD_ORDER_TYPES.filter((type) => orderTypes.includes(type));
  const populatesProducts = carrier?.populatesProducts ?? true;
  const explanation = populatesProducts
    ? 'Package price and activation fee, plus active required and included-by-default products for the order type. Optional and inactive products are not counted.'
    : `${carrier?.name ?? 'This carrier'} does not fill products from a package: the order wizard charges the package price and activation fee, and the agent adds products by hand.`;

  return (
    <Paper p="md" bg="gray.0" style={{ borderColor: 'var(--ld-border)' }} aria-labelledby="package-totals-heading" component="section">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <div>
          <Text id="package-totals-heading" fw={600} fz="sm">
            Line totals
          </Text>
          <Text fz="xs" c="dimmed" maw={420}>
            {explanation}
          </Text>
        </div>
        {sold.length === 0 ? (
          <Text fz="sm" c="dimmed" maw={320}>
            Not sold on New or Conversion orders, so the order wizard does not offer it.
          </Text>
        ) : (
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
              {sold.map((orderType) => {
                const totals = packageTotals(pkg, rows, productsByCode, orderType, populatesProducts);
                return (
                  <Table.Tr key={orderType}>
                    <Table.Th scope="row" fw={500} fz="sm">
                      {ORDER_TYPE_LABELS[orderType]} order
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
        )}
      </Group>
    </Paper>
  );
}
