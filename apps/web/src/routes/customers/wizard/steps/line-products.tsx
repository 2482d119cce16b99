import { formatCents, PRODUCT_KIND_LABELS, snapshotLineProducts, type TOfferedProduct, type TPackageOffer } from '@linedesk/domain';
import { Alert, Badge, Button, Group, NumberInput, Select, Table, Text } from '@mantine/core';
import { IconAlertCircle, IconPlus } from '@tabler/icons-react';
import { useId, useRef, useState } from 'react';
import { neighbourIds, useFocusAfterRender } from '../../../../hooks/use-focus-after-render';
import type { FieldErrors } from '../../../../lib/form-errors';
import { centsToDollarText, readCents } from '../../../../lib/money-input';
import { MoneyField } from '../../../catalog/common/fields';
import { RemoveRowButton } from '../../../catalog/common/remove-row-button';
import type { ProductRow } from './line-form';
import { ChargeColumnHeaders } from '../../../../components/common/charge-column-headers';

type Props = {
  offer: TPackageOffer | undefined;
  rows: ProductRow[];
  onChange: (rows: ProductRow[]) => void;
  errors: FieldErrors;
  canOverridePrices: boolean;
};

const INCLUSION_LABELS = { required: 'Required', default: 'Included', optional: 'Added' } as const;

function optionLabel(product: TOfferedProduct): string {
  const prices = [
    product.unitMonthlyCents !== 0 ? `${formatCents(product.unitMonthlyCents)}/mo` : null,
    product.unitOneTimeCents !== 0 ? `${formatCents(product.unitOneTimeCents)} one-time` : null,
  ].filter(Boolean);
  return `${product.name} · ${prices.length ? prices.join(' + ') : 'no charge'}`;
}

/**
 * The line's Products: what the Package put on it, quantities to edit, anything the agent adds from
 * the package's available products, and (for roles that may) a monthly price override. Totals are
 * the same sums the server keeps for the line (`snapshotLineProducts`).
 */
export function LineProducts({ offer, rows, onChange, errors, canOverridePrices }: Props) {
  const id = useId();
  const [toAdd, setToAdd] = useState<string | null>(null);
  const addRef = useRef<HTMLInputElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const removeId = (row: ProductRow) => `${id}-remove-${row.productCode}`;

  if (!offer) {
    return (
      <Text fz="sm" c="dimmed">
        Choosing the Package fills the products for this line.
      </Text>
    );
  }

  const offered = [...offer.products, ...offer.availableProducts];
  const byCode = new Map(offered.map((product) => [product.productCode, product]));
  const onLine = new Set(rows.map((row) => row.productCode));
  const addable = offered.filter((product, index) => !onLine.has(product.productCode) && offered.findIndex((p) => p.productCode === product.productCode) === index);
  const priced = snapshotLineProducts(
    rows.map((row) => ({
      productCode: row.productCode,
      quantity: typeof row.quantity === 'number' ? row.quantity : Number(row.quantity) || 0,
      unitMonthlyOverrideCents: canOverridePrices ? (readCents(row.override, null).value ?? null) : null,
    })),
    offer,
  );
  const update = (index: number, change: Partial<ProductRow>) => onChange(rows.map((row, position) => (position === index ? { ...row, ...change } : row)));

  function add() {
    if (!toAdd) return;
    onChange([...rows, { productCode: toAdd, quantity: 1, override: '' }]);
    setToAdd(null);
    focusAfterRender([addRef]);
  }

  function remove(index: number) {
    onChange(rows.filter((_, position) => position !== index));
    focusAfterRender([...neighbourIds(rows, index, removeId), addRef]);
  }

  const header = (key: string, label: string, align?: 'right') => (
    <Table.Th scope="col" id={`${id}-${key}`} ta={align}>
      {label}
    </Table.Th>
  );

  return (
    <>
      {!offer.populatesProducts && (
        <Alert role="note" color="blue" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} py="xs">
          This carrier does not fill products from the package: add the line’s products below.
        </Alert>
      )}
      {errors.products && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert" py="xs">
          <span data-field-error>{errors.products}</span>
        </Alert>
      )}
      <div className="ld-table-wrap" style={{ border: '1px solid var(--ld-border)', borderRadius: 'var(--mantine-radius-md)' }}>
        <Table aria-label="Products" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Product</Table.Th>
              <Table.Th scope="col">Kind</Table.Th>
              {header('quantity', 'Quantity')}
              {canOverridePrices && header('override', 'Monthly price override')}
              <ChargeColumnHeaders />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row" fw={400}>
                <Text fz="sm" fw={600}>
                  {offer.package.name}
                </Text>
                <Text fz="xs" c="dimmed">
                  Package price{offer.package.activationFeeCents ? ' and activation fee' : ''}
                </Text>
              </Table.Th>
              <Table.Td>
                <Text fz="sm">Package</Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" c="dimmed">
                  1
                </Text>
              </Table.Td>
              {canOverridePrices && <Table.Td />}
              <Table.Td ta="right" className="ld-money">
                {formatCents(offer.package.monthlyCents)}
              </Table.Td>
              <Table.Td ta="right" className="ld-money">
                {formatCents(offer.package.activationFeeCents)}
              </Table.Td>
              <Table.Td />
            </Table.Tr>
            {rows.map((row, index) => {
              const product = byCode.get(row.productCode);
              const price = priced.products.find((p) => p.productCode === row.productCode);
              const nameId = `${id}-name-${row.productCode}`;
              const name = product?.name ?? row.productCode;
              const labelled = (column: string) => `${nameId} ${id}-${column}`;
              // Required only where the package fills the line; a carrier that does not leaves every product to the agent.
              const isRequired = offer.populatesProducts && product?.inclusion === 'required';
              const rowError = errors[`products.${index}.productCode`];
              return (
                <Table.Tr key={row.productCode}>
                  <Table.Th scope="row" fw={400} miw={200}>
                    <Text id={nameId} fz="sm" fw={600}>
                      {name}
                    </Text>
                    <Group gap={6}>
                      <Text className="ld-mono" c="dimmed">
                        {row.productCode}
                      </Text>
                      {product && (
                        <Badge size="xs" variant="light" color={isRequired ? 'brand' : 'gray'} radius="sm" tt="none">
                          {offer.populatesProducts ? INCLUSION_LABELS[product.inclusion] : 'Added'}
                        </Badge>
                      )}
                      {!product && (
                        <Badge size="xs" variant="light" color="red" radius="sm" tt="none">
                          Not offered with this package
                        </Badge>
                      )}
                    </Group>
                    {rowError && (
                      <Text fz="xs" c="red" data-field-error>
                        {rowError}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>
                    <Text fz="sm">{product ? PRODUCT_KIND_LABELS[product.kind] : '—'}</Text>
                  </Table.Td>
                  <Table.Td w={100}>
                    <NumberInput
                      aria-labelledby={labelled('quantity')}
                      size="xs"
                      min={1}
                      max={99}
                      allowDecimal={false}
                      allowNegative={false}
                      value={row.quantity}
                      onChange={(quantity) => update(index, { quantity })}
                      error={errors[`products.${index}.quantity`]}
                    />
                  </Table.Td>
                  {canOverridePrices && (
                    <Table.Td w={140}>
                      <MoneyField
                        aria-labelledby={labelled('override')}
                        size="xs"
                        placeholder={product ? centsToDollarText(product.unitMonthlyCents) : '0.00'}
                        title="Leave blank to use the package price"
                        value={row.override}
                        onChange={(override) => update(index, { override })}
                        error={errors[`products.${index}.unitMonthlyOverrideCents`]}
                      />
                    </Table.Td>
                  )}
                  <Table.Td ta="right" className="ld-money">
                    {price ? formatCents(price.monthlyCents) : '—'}
                    {price?.isPriceOverridden && (
                      <Text fz="xs" c="orange.8">
                        overridden
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" className="ld-money">
                    {price ? formatCents(price.oneTimeCents) : '—'}
                  </Table.Td>
                  <Table.Td w={44} ta="right">
                    {!isRequired && <RemoveRowButton id={removeId(row)} label={`Remove ${name}`} onClick={() => remove(index)} />}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row" colSpan={canOverridePrices ? 4 : 3}>
                Line total
              </Table.Th>
              <Table.Td ta="right" fw={700} className="ld-money">
                {formatCents(priced.charges.monthlyCents)}/mo
              </Table.Td>
              <Table.Td ta="right" fw={700} className="ld-money">
                {formatCents(priced.charges.oneTimeCents)}
              </Table.Td>
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </div>
      <Group gap="xs" align="flex-end">
        <Select
          ref={addRef}
          openOnFocus={false}
          label="Add product"
          placeholder={addable.length ? 'Choose a product this package offers' : 'Every offered product is on the line'}
          disabled={addable.length === 0}
          data={addable.map((product) => ({ value: product.productCode, label: optionLabel(product) }))}
          value={toAdd}
          onChange={setToAdd}
          searchable
          nothingFoundMessage="No product matches"
          w={{ base: '100%', sm: 420 }}
        />
        <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} disabled={!toAdd} onClick={add}>
          Add
        </Button>
      </Group>
    </>
  );
}
