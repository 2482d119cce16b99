import { PRODUCT_KIND_LABELS, PRODUCT_KINDS, ZProductInput, ZProductKind, type ProductKind, type TProduct } from '@linedesk/domain';
import { Drawer, Group, NativeSelect, Stack, Switch, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useCatalogOptions } from '../../../hooks/api/catalog';
import { centsToDollarText, readCents } from '../../../lib/money-input';
import type { FieldErrors } from '../../../lib/form-errors';
import { CodeField, FormActions, MoneyField, TextField } from '../common/fields';
import { CarrierSelect } from '../common/carrier-select';
import { CatalogFormAlert } from '../common/catalog-form-alert';
import type { DrawerState } from '../common/use-drawer-state';
import { useCatalogForm, type FormHost } from '../common/use-catalog-form';

type Props = { drawer: DrawerState<'products'>; defaultCarrierCode: string };

const KIND_OPTIONS = PRODUCT_KINDS.map((kind) => ({ value: kind, label: PRODUCT_KIND_LABELS[kind] }));

export function ProductDrawer({ drawer, defaultCarrierCode }: Props) {
  return (
    <Drawer opened={drawer.opened} onClose={drawer.close} position="right" size="md" title={drawer.record ? 'Edit product' : 'Create product'}>
      <ProductForm key={drawer.key} record={drawer.record} defaultCarrierCode={defaultCarrierCode} onDone={drawer.close} host={drawer.host} />
    </Drawer>
  );
}

function ProductForm({ record, defaultCarrierCode, onDone, host }: { record: TProduct | null; defaultCarrierCode: string; onDone: () => void; host: FormHost<'products'> }) {
  const form = useCatalogForm('products', record, onDone, host);
  const carriers = useCatalogOptions('carriers');
  const [carrierCode, setCarrierCode] = useState<string | null>(record?.carrierCode ?? (defaultCarrierCode || null));
  const [code, setCode] = useState(record?.code ?? '');
  const [name, setName] = useState(record?.name ?? '');
  const [description, setDescription] = useState(record?.description ?? '');
  const [kind, setKind] = useState<ProductKind>(record?.kind ?? 'plan');
  const [monthly, setMonthly] = useState(record ? centsToDollarText(record.monthlyCents) : '');
  const [oneTime, setOneTime] = useState(record ? centsToDollarText(record.oneTimeCents) : '');
  const [isTaxable, setTaxable] = useState(record?.isTaxable ?? true);
  const { errors } = form;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const monthlyCents = readCents(monthly, 0);
    const oneTimeCents = readCents(oneTime, 0);
    const parseErrors: FieldErrors = {};
    if (monthlyCents.error) parseErrors.monthlyCents = monthlyCents.error;
    if (oneTimeCents.error) parseErrors.oneTimeCents = oneTimeCents.error;
    form.submit(
      event.currentTarget,
      ZProductInput,
      {
        carrierCode: carrierCode ?? '',
        code,
        name,
        description,
        kind,
        monthlyCents: monthlyCents.value,
        oneTimeCents: oneTimeCents.value,
        isTaxable,
        isActive: record?.isActive ?? true,
      },
      parseErrors,
    );
  }

  const negativeHint = kind === 'discount' ? 'A discount is a negative amount, such as -5.00.' : undefined;

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        <CatalogFormAlert state={form.alert} />
        <CarrierSelect
          carriers={carriers.data}
          value={carrierCode}
          onChange={setCarrierCode}
          locked={record !== null}
          description={record ? 'A product belongs to its carrier for good.' : 'The carrier this product is provisioned on.'}
          error={errors.carrierCode}
          data-autofocus={record === null || undefined}
        />
        <CodeField
          label="Code (SOC / USOC)"
          description="What the carrier receives when provisioning; unique within the carrier."
          value={code}
          onChange={setCode}
          locked={record !== null}
          error={errors.code}
        />
        <TextField label="Name" value={name} onChange={setName} error={errors.name} />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          maxRows={6}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={errors.description}
        />
        <NativeSelect
          label="Kind"
          data={KIND_OPTIONS}
          value={kind}
          onChange={(event) => {
            const parsed = ZProductKind.safeParse(event.currentTarget.value);
            if (parsed.success) setKind(parsed.data);
          }}
          error={errors.kind}
        />
        <Group grow align="flex-start">
          <MoneyField label="Monthly price" description={negativeHint} value={monthly} onChange={setMonthly} error={errors.monthlyCents} />
          <MoneyField label="One-time price" value={oneTime} onChange={setOneTime} error={errors.oneTimeCents} />
        </Group>
        <Switch label="Taxable" checked={isTaxable} onChange={(event) => setTaxable(event.currentTarget.checked)} error={errors.isTaxable} />
        <FormActions onCancel={onDone} submitLabel={form.submitLabel} loading={form.save.isPending} />
      </Stack>
    </form>
  );
}
