import { formatCents, PACKAGE_PRODUCT_ORDER_TYPES, PRODUCT_INCLUSIONS, type PackageProductOrderType, type ProductInclusion, type TProduct } from '@linedesk/domain';
import { Alert, Badge, Button, Group, NativeSelect, NumberInput, Select, Table, Text } from '@mantine/core';
import { IconAlertCircle, IconPlus } from '@tabler/icons-react';
import { useId, useRef, useState } from 'react';
import { neighbourIds, useFocusAfterRender } from '../../../hooks/use-focus-after-render';
import type { FieldErrors } from '../../../lib/form-errors';
import { centsToDollarText } from '../../../lib/money-input';
import { MoneyField } from '../common/fields';
import { newUid } from '../common/row-uid';
import { priceRow, type PackageProductDraft } from './package-pricing';
import { RemoveRowButton } from '../common/remove-row-button';
import { ChargeColumnHeaders } from '../../../components/common/charge-column-headers';

const INCLUSION_LABELS: Record<ProductInclusion, string> = {
  required: 'Required',
  default: 'Included by default',
  optional: 'Optional',
};
const ORDER_TYPE_LABELS: Record<PackageProductOrderType, string> = { ALL: 'All', NEW: 'New', CONVERSION: 'Conversion' };
const INCLUSION_OPTIONS = PRODUCT_INCLUSIONS.map((value) => ({ value, label: INCLUSION_LABELS[value] }));
const ORDER_TYPE_OPTIONS = PACKAGE_PRODUCT_ORDER_TYPES.map((value) => ({ value, label: ORDER_TYPE_LABELS[value] }));

const isInclusion = (value: string): value is ProductInclusion => (PRODUCT_INCLUSIONS as readonly string[]).includes(value);
const isRestriction = (value: string): value is PackageProductOrderType => (PACKAGE_PRODUCT_ORDER_TYPES as readonly string[]).includes(value);

/** "Activation Fee (PCCACT) · $20.00 one-time": the prices that product actually has. */
function optionLabel(product: TProduct, isAdded: boolean): string {
  const prices = [
    product.monthlyCents !== 0 ? `${formatCents(product.monthlyCents)}/mo` : null,
    product.oneTimeCents !== 0 ? `${formatCents(product.oneTimeCents)} one-time` : null,
  ].filter(Boolean);
  return [`${product.name} (${product.code})`, prices.length > 0 ? prices.join(' + ') : 'no charge', isAdded ? 'added' : null]
    .filter(Boolean)
    .join(' · ');
}

type Props = {
  rows: PackageProductDraft[];
  onChange: (rows: PackageProductDraft[]) => void;
  /** Every product of the package's carrier (inactive ones too, to name rows that use them); null before a carrier is chosen. */
  carrierProducts: TProduct[] | null;
  productsByCode: Map<string, TProduct>;
  errors: FieldErrors;
};

/**
 * The package's products as a table: each row's inputs are named by the product and the column
 * ("Unlimited Talk & Text Quantity"), so the headings are their visible labels.
 */
export function PackageProductsEditor({ rows, onChange, carrierProducts, productsByCode, errors }: Props) {
  const id = useId();
  const [toAdd, setToAdd] = useState<string | null>(null);
  const addSelectRef = useRef<HTMLInputElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const removeId = (row: PackageProductDraft) => `${id}-remove-${row.uid}`;
  const update = (uid: string, change: Partial<PackageProductDraft>) => onChange(rows.map((row) => (row.uid === uid ? { ...row, ...change } : row)));
  const added = new Set(rows.map((row) => row.productCode));
  const addOptions = (carrierProducts ?? [])
    .filter((product) => product.isActive)
    .map((product) => ({ value: product.code, label: optionLabel(product, added.has(product.code)) }));

  function add() {
    if (!toAdd) return;
    onChange([...rows, { uid: newUid(), productCode: toAdd, quantity: 1, override: '', inclusion: 'required', orderType: 'ALL' }]);
    setToAdd(null);
    // The Add button disables itself (nothing chosen now): back to choosing the next product.
    focusAfterRender([addSelectRef]);
  }

  function remove(index: number) {
    onChange(rows.filter((_, position) => position !== index));
    focusAfterRender([...neighbourIds(rows, index, removeId), addSelectRef]);
  }

  const header = (key: string, label: string, align?: 'right') => (
    <Table.Th scope="col" id={`${id}-${key}`} ta={align}>
      {label}
    </Table.Th>
  );

  return (
    <>
      {errors.products && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
          {errors.products}
        </Alert>
      )}
      <Group gap="xs" align="flex-end">
        <Select
          ref={addSelectRef}
          // Focus comes back here after each Add: typing or a click opens the list, not the focus itself.
          openOnFocus={false}
          label="Add product"
          placeholder={carrierProducts ? 'Choose one of the carrier’s products' : 'Choose a carrier first'}
          disabled={!carrierProducts}
          data={addOptions}
          value={toAdd}
          onChange={setToAdd}
          searchable
          nothingFoundMessage="No active product matches"
          w={{ base: '100%', sm: 460 }}
        />
        <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} disabled={!toAdd} onClick={add}>
          Add
        </Button>
      </Group>
      {rows.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No products yet. A package usually has at least its rate plan as a required product.
        </Text>
      ) : (
        <div className="ld-table-wrap" style={{ border: '1px solid var(--ld-border)', borderRadius: 'var(--mantine-radius-md)' }}>
          <Table aria-label="Package products" verticalSpacing={8}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Product</Table.Th>
                {header('quantity', 'Quantity')}
                {header('override', 'Monthly price')}
                {header('inclusion', 'Inclusion')}
                {header('orderType', 'Order type')}
                <ChargeColumnHeaders />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, index) => {
                const product = productsByCode.get(row.productCode);
                const price = priceRow(row, product);
                const nameId = `${id}-${row.uid}`;
                const name = product?.name ?? row.productCode;
                const labelled = (column: string) => `${nameId} ${id}-${column}`;
                const rowError = errors[`products.${index}.productCode`];
                return (
                  <Table.Tr key={row.uid}>
                    <Table.Th scope="row" fw={400} miw={200}>
                      <Text id={nameId} fz="sm" fw={600}>
                        {name}
                      </Text>
                      <Group gap={6}>
                        <Text className="ld-mono" c="dimmed">
                          {row.productCode}
                        </Text>
                        {!product && carrierProducts && <Badge color="red" variant="light" size="xs">Not this carrier’s</Badge>}
                        {product && !product.isActive && <Badge color="gray" variant="light" size="xs">Inactive</Badge>}
                      </Group>
                      {rowError && (
                        <Text fz="xs" c="red" data-field-error>
                          {rowError}
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td w={96}>
                      <NumberInput
                        aria-labelledby={labelled('quantity')}
                        size="sm"
                        min={1}
                        max={99}
                        allowDecimal={false}
                        allowNegative={false}
                        value={row.quantity}
                        onChange={(quantity) => update(row.uid, { quantity })}
                        error={errors[`products.${index}.quantity`]}
                      />
                    </Table.Td>
                    <Table.Td w={150}>
                      <MoneyField
                        aria-labelledby={labelled('override')}
                        size="sm"
                        placeholder={product ? centsToDollarText(product.monthlyCents) : '0.00'}
                        title="Leave blank to use the catalog price"
                        value={row.override}
                        onChange={(override) => update(row.uid, { override })}
                        error={errors[`products.${index}.monthlyOverrideCents`]}
                      />
                    </Table.Td>
                    <Table.Td w={215}>
                      <NativeSelect
                        aria-labelledby={labelled('inclusion')}
                        size="sm"
                        data={INCLUSION_OPTIONS}
                        value={row.inclusion}
                        onChange={(event) => {
                          const inclusion = event.currentTarget.value;
                          if (isInclusion(inclusion)) update(row.uid, { inclusion });
                        }}
                        error={errors[`products.${index}.inclusion`]}
                      />
                    </Table.Td>
                    <Table.Td w={155}>
                      <NativeSelect
                        aria-labelledby={labelled('orderType')}
                        size="sm"
                        data={ORDER_TYPE_OPTIONS}
                        value={row.orderType}
                        onChange={(event) => {
                          const orderType = event.currentTarget.value;
                          if (isRestriction(orderType)) update(row.uid, { orderType });
                        }}
                        error={errors[`products.${index}.orderType`]}
                      />
                    </Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      <Text fz="sm">{price ? formatCents(price.monthlyCents) : '—'}</Text>
                    </Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      <Text fz="sm">{price ? formatCents(price.oneTimeCents) : '—'}</Text>
                    </Table.Td>
                    <Table.Td w={48} ta="right">
                      <RemoveRowButton id={removeId(row)} label={`Remove ${name}`} onClick={() => remove(index)} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <Text fz="xs" c="dimmed">
        Leave a monthly price blank to use the product’s catalog price. Required products are always on the line; products
        included by default can be removed by the agent; optional ones are offered to add.
      </Text>
    </>
  );
}
