import { ORDER_TYPES, ZPackageInput, type OrderType, type TPackage, type TProduct } from '@linedesk/domain';
import { Group, MultiSelect, Select, Stack, Textarea } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useCatalogOptions } from '../../../hooks/api/catalog';
import { referenceOptions } from '../../../lib/catalog-records';
import type { FieldErrors } from '../../../lib/form-errors';
import { centsToDollarText, readCents } from '../../../lib/money-input';
import { CarrierSelect } from '../common/carrier-select';
import { CatalogFormAlert } from '../common/catalog-form-alert';
import { CodeField, DisplayOrderField, EditorActions, MoneyField, OrderTypesField, TextField, readNumber } from '../common/fields';
import { FormSection } from '../common/form-section';
import { newUid } from '../common/row-uid';
import { useCatalogForm, type FormHost } from '../common/use-catalog-form';
import type { PackageProductDraft } from './package-pricing';
import { PackageProductsEditor } from './package-products-editor';
import { PackageTotals } from './package-totals';

type Props = { record: TPackage | null; host: FormHost<'packages'> | null; defaultCarrierCode?: string };

/** Create (no record) or edit a package: where it is sold, its price, and the products it puts on a line. */
export function PackageForm({ record, host, defaultCarrierCode }: Props) {
  const navigate = useNavigate();
  const form = useCatalogForm('packages', record, () => void navigate({ to: '/catalog/packages' }), host);
  const carriers = useCatalogOptions('carriers');
  const lineTypes = useCatalogOptions('line-types');
  const ratePlans = useCatalogOptions('ld-rate-plans');

  const [carrierCode, setCarrierCode] = useState<string | null>(record?.carrierCode ?? (defaultCarrierCode || null));
  const [code, setCode] = useState(record?.code ?? '');
  const [name, setName] = useState(record?.name ?? '');
  const [description, setDescription] = useState(record?.description ?? '');
  const [displayOrder, setDisplayOrder] = useState<number | string>(record?.displayOrder ?? 100);
  const [lineTypeCodes, setLineTypeCodes] = useState<string[]>(record?.lineTypeCodes ?? []);
  const [orderTypes, setOrderTypes] = useState<OrderType[]>(record?.orderTypes ?? ['NEW', 'CONVERSION']);
  const [monthly, setMonthly] = useState(record ? centsToDollarText(record.monthlyCents) : '');
  const [activationFee, setActivationFee] = useState(record ? centsToDollarText(record.activationFeeCents) : '');
  const [ldRatePlanCode, setLdRatePlanCode] = useState<string | null>(record?.ldRatePlanCode ?? null);
  const [rows, setRows] = useState<PackageProductDraft[]>(() =>
    (record?.products ?? []).map((product) => ({
      uid: newUid(),
      productCode: product.productCode,
      quantity: product.quantity,
      override: product.monthlyOverrideCents === null ? '' : centsToDollarText(product.monthlyOverrideCents),
      inclusion: product.inclusion,
      orderType: product.orderType,
    })),
  );
  const { errors } = form;

  // Only the chosen carrier's products can go on the package.
  const products = useCatalogOptions('products', carrierCode ?? '', carrierCode !== null);
  const carrierProducts = carrierCode && products.data ? products.data.filter((product) => product.carrierCode === carrierCode) : null;
  const productsByCode = new Map<string, TProduct>((carrierProducts ?? []).map((product) => [product.code, product]));
  const carrier = carriers.data?.find((candidate) => candidate.code === carrierCode);
  // A package is sold on order types its carrier takes (and keeps any it already has).
  const orderTypeOptions = carrier ? ORDER_TYPES.filter((type) => carrier.orderTypes.includes(type) || orderTypes.includes(type)) : ORDER_TYPES;

  function chooseCarrier(next: string | null) {
    setCarrierCode(next);
    // Products belong to one carrier: rows picked for another would be refused.
    setRows([]);
    const takes = carriers.data?.find((candidate) => candidate.code === next)?.orderTypes;
    if (takes) setOrderTypes((prev) => prev.filter((type) => takes.includes(type)));
  }

  const monthlyCents = readCents(monthly, 0);
  const activationFeeCents = readCents(activationFee, 0);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parseErrors: FieldErrors = {};
    if (monthlyCents.error) parseErrors.monthlyCents = monthlyCents.error;
    if (activationFeeCents.error) parseErrors.activationFeeCents = activationFeeCents.error;
    const packageProducts = rows.map((row, index) => {
      const override = readCents(row.override, null);
      if (override.error) parseErrors[`products.${index}.monthlyOverrideCents`] = override.error;
      return {
        productCode: row.productCode,
        quantity: readNumber(row.quantity, 1),
        monthlyOverrideCents: override.value,
        inclusion: row.inclusion,
        orderType: row.orderType,
      };
    });
    if (carrierCode === null) parseErrors.carrierCode = 'Choose a carrier';
    form.submit(
      event.currentTarget,
      ZPackageInput,
      {
        carrierCode: carrierCode ?? '',
        code,
        name,
        description,
        lineTypeCodes,
        orderTypes,
        monthlyCents: monthlyCents.value,
        activationFeeCents: activationFeeCents.value,
        ldRatePlanCode,
        products: packageProducts,
        displayOrder: readNumber(displayOrder, 100),
        isActive: record?.isActive ?? true,
      },
      parseErrors,
    );
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-label={record ? `Edit ${record.name}` : 'Create package'}>
      <Stack gap="xl">
        <CatalogFormAlert state={form.alert} />
        <FormSection title="Package" description="What agents pick in the order wizard for a line.">
          <CarrierSelect
            carriers={carriers.data}
            value={carrierCode}
            onChange={chooseCarrier}
            locked={record !== null}
            description={record ? 'A package belongs to its carrier for good.' : 'The package offers this carrier’s products; changing it clears them.'}
            error={errors.carrierCode}
            autoFocus={record === null}
          />
          <Group grow align="flex-start">
            <CodeField value={code} onChange={setCode} locked={record !== null} error={errors.code} />
            <DisplayOrderField value={displayOrder} onChange={setDisplayOrder} error={errors.displayOrder} />
          </Group>
          <TextField label="Name" value={name} onChange={setName} error={errors.name} />
          <Textarea
            label="Description"
            description="Shown to agents under the package name."
            autosize
            minRows={2}
            maxRows={6}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={errors.description}
          />
        </FormSection>

        <FormSection title="Availability" description="For which lines and orders the wizard offers this package.">
          <MultiSelect
            label="Line types"
            placeholder={lineTypeCodes.length === 0 ? 'Choose line types' : undefined}
            data={referenceOptions(lineTypes.data, lineTypeCodes)}
            value={lineTypeCodes}
            onChange={setLineTypeCodes}
            searchable
            nothingFoundMessage="No line type matches"
            error={errors.lineTypeCodes}
          />
          <OrderTypesField
            label="Sold on order types"
            description={carrier ? `Order types ${carrier.name} takes.` : undefined}
            options={orderTypeOptions}
            value={orderTypes}
            onChange={setOrderTypes}
            error={errors.orderTypes}
          />
        </FormSection>

        <FormSection title="Pricing" description="The package’s own charges, on top of its products’ prices.">
          <Group grow align="flex-start">
            <MoneyField label="Monthly price" value={monthly} onChange={setMonthly} error={errors.monthlyCents} />
            <MoneyField label="Activation fee" description="Charged once per line." value={activationFee} onChange={setActivationFee} error={errors.activationFeeCents} />
          </Group>
          <Select
            label="Long distance rate plan"
            description="The per-minute rates a line on this package gets."
            placeholder="None"
            data={referenceOptions(ratePlans.data, [ldRatePlanCode])}
            value={ldRatePlanCode}
            onChange={setLdRatePlanCode}
            clearable
            error={errors.ldRatePlanCode}
          />
        </FormSection>

        <FormSection title="Products" description="What choosing this package puts on the line, and what the agent may add." wide>
          <PackageProductsEditor
            rows={rows}
            onChange={setRows}
            carrierProducts={carrierProducts}
            productsByCode={productsByCode}
            errors={errors}
          />
          <PackageTotals
            pkg={{ monthlyCents: monthlyCents.value ?? 0, activationFeeCents: activationFeeCents.value ?? 0 }}
            rows={rows}
            productsByCode={productsByCode}
            orderTypes={orderTypes}
            carrier={carrier}
          />
        </FormSection>

        <EditorActions cancelTo="/catalog/packages" submitLabel={form.submitLabel} loading={form.save.isPending} />
      </Stack>
    </form>
  );
}
