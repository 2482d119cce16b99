import {
  defaultLineProducts,
  DEVICE_SOURCE_LABELS,
  DEVICE_SOURCES,
  formatCents,
  formatMillicents,
  PRICE_OVERRIDE_ROLES,
  type Role,
  type TPackageOffer,
  type TPropertyDefinition,
  type TWizardCarrier,
  type TWizardDraft,
  type TWizardLineType,
  type WizardOrderType,
} from '@linedesk/domain';
import { Alert, Badge, Button, Checkbox, Group, Paper, Select, SimpleGrid, Spoiler, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDeviceFloppy, IconInfoCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useId, type FormEvent } from 'react';
import { ErrorAlert, LoadingState } from '../../../../components/common/status-state';
import { useCurrentUser } from '../../../../components/layout/current-user';
import { offerQueryOptions, packagesQueryOptions, usePackageOffer, useSaveLine, useWizardLineTypes, useWizardPackages } from '../../../../hooks/api/wizard';
import { isApiError } from '../../../../lib/api-client';
import { AddressFields } from '../address-fields';
import { serverErrors } from '../form-state';
import { SecretInput } from '../secret-input';
import { stepStorageKey, useStepForm, type StepForm } from '../use-step-form';
import { SegmentedField, StepAlert, submitOnEnter } from '../wizard-parts';
import {
  deviceSourceProperty,
  formPath,
  groupKey,
  groupLabel,
  identifierGroups,
  lineFormFromLine,
  lineOrderTypes,
  newLineForm,
  persistableLine,
  toLineInput,
  validateLine,
  type LineContext,
  type LineForm,
  type ProductRow,
} from './line-form';
import { LineProducts } from './line-products';

type LineFormApi = Omit<StepForm<LineForm>, 'formRef'>;

type Props = {
  draft: TWizardDraft;
  carrier: TWizardCarrier;
  /** The draft's order type (step 1): each line then is a new number or, on a Conversion order, a port-in or a new number. */
  draftOrderType: WizardOrderType;
  /** The saved line to edit; null adds a line. */
  lineId: string | null;
  onSaved: () => void;
  onCancel: (() => void) | null;
};

const toRows = (offer: TPackageOffer): ProductRow[] =>
  (offer.populatesProducts ? defaultLineProducts(offer) : []).map((product) => ({ productCode: product.productCode, quantity: product.quantity, override: '' }));

const NUMBER_CHOICE_LABELS: Record<WizardOrderType, string> = { CONVERSION: 'Port in a number', NEW: 'New number' };

type LineTypesByOrderType = Record<WizardOrderType, TWizardLineType[]>;

/** The line editor: Line Type, Properties (with the Package), Long Distance Rates and Products, then Save. */
export function LineEditor(props: Props) {
  const { carrier, draftOrderType } = props;
  const orderTypes = lineOrderTypes(draftOrderType, carrier);
  // The line types of every order type a line may take here, so switching between them is instant.
  const forNew = useWizardLineTypes(orderTypes.includes('NEW') ? carrier.code : null, 'NEW');
  const forConversion = useWizardLineTypes(orderTypes.includes('CONVERSION') ? carrier.code : null, 'CONVERSION');
  const queries = orderTypes.map((type) => (type === 'NEW' ? forNew : forConversion));
  const failed = queries.find((query) => query.isError);
  if (failed) return <ErrorAlert error={failed.error} onRetry={() => void failed.refetch()} title="Could not load the line types" />;
  if (queries.some((query) => !query.data)) return <LoadingState label="Loading line types" />;
  const lineTypes: LineTypesByOrderType = { NEW: forNew.data ?? [], CONVERSION: forConversion.data ?? [] };
  return <LineEditorForm {...props} orderTypes={orderTypes} lineTypesByOrderType={lineTypes} />;
}

function LineEditorForm({
  draft,
  carrier,
  lineId,
  onSaved,
  onCancel,
  orderTypes,
  lineTypesByOrderType,
}: Props & { orderTypes: WizardOrderType[]; lineTypesByOrderType: LineTypesByOrderType }) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const save = useSaveLine(draft.id);
  const headingId = useId();
  const saved = lineId ? draft.lines.find((line) => line.id === lineId) : undefined;
  const canOverridePrices = (PRICE_OVERRIDE_ROLES as readonly Role[]).includes(user.role);
  const hasStoredPin = saved?.portIn?.pin.isSet === true;

  // The rules need the line type and the package's offer the values point at (the offer from the query cache).
  const contextFor = (values: LineForm): LineContext => ({
    carrier,
    orderType: values.orderType,
    canOverridePrices,
    hasStoredPin,
    lineType: lineTypesByOrderType[values.orderType].find((candidate) => candidate.code === values.lineTypeCode),
    offer: values.packageCode ? queryClient.getQueryData(offerQueryOptions(carrier.code, values.packageCode, values.orderType).queryKey) : undefined,
  });
  const { formRef, ...form } = useStepForm<LineForm>({
    storageKey: stepStorageKey(draft.id, 'lines'),
    initial: () => {
      const base = saved ? lineFormFromLine(saved, draft, carrier) : newLineForm(draft);
      // A line the draft's order type no longer allows starts as the kind it does.
      return orderTypes.includes(base.orderType) ? base : { ...base, orderType: orderTypes[0] ?? 'NEW' };
    },
    validate: (values) => validateLine(values, contextFor(values)),
    persistable: persistableLine,
    // Kept from before this change, or from when the draft had another order type: keep to what is allowed now.
    merge: (initial, stored) => ({ ...initial, ...stored, orderType: orderTypes.includes(stored.orderType) ? stored.orderType : initial.orderType }),
  });
  const { values, errors } = form;
  const orderType = values.orderType;
  const lineTypes = lineTypesByOrderType[orderType];
  const lineType = lineTypes.find((candidate) => candidate.code === values.lineTypeCode);
  const packages = useWizardPackages(carrier.code, values.lineTypeCode, orderType);
  const offer = usePackageOffer(carrier.code, values.packageCode, orderType);
  const context = contextFor(values);

  function chooseLineType(code: string | null) {
    const next = lineTypes.find((candidate) => candidate.code === code);
    // Values for properties the new line type also declares carry over; the package and products start again.
    const keep = Object.fromEntries(Object.entries(values.properties).filter(([key]) => next?.properties.some((p) => p.key === key)));
    form.patch(() => ({ lineTypeCode: code, packageCode: null, products: [], properties: keep, identifiers: {} }));
  }

  function choosePackage(code: string | null, type: WizardOrderType = orderType) {
    form.patch(() => ({ packageCode: code, products: [] }));
    if (!code) return;
    // Choosing the Package fills Products (and Long Distance Rates) from its offer.
    void queryClient.fetchQuery(offerQueryOptions(carrier.code, code, type)).then(
      (found) => form.patch((get) => (get('packageCode') === code && get('orderType') === type ? { products: toRows(found) } : null)),
      () => undefined,
    );
  }

  /**
   * Port-in or new number: the catalog differs by order type, so the line type stays when it is sold
   * for both (with its properties and identifiers), and so does the package, its Products refilled
   * from the other order type's offer (a port-in credit instead of an activation charge).
   */
  function chooseOrderType(next: WizardOrderType) {
    if (next === orderType) return;
    const { lineTypeCode, packageCode } = values;
    const keepLineType = lineTypesByOrderType[next].some((candidate) => candidate.code === lineTypeCode);
    form.patch(() =>
      keepLineType
        ? { orderType: next, packageCode: null, products: [] }
        : { orderType: next, lineTypeCode: null, packageCode: null, products: [], properties: {}, identifiers: {} },
    );
    if (!keepLineType || !lineTypeCode || !packageCode) return;
    void (async () => {
      const sold = await queryClient.fetchQuery(packagesQueryOptions(carrier.code, lineTypeCode, next));
      if (!sold.some((pkg) => pkg.code === packageCode)) return;
      const found = await queryClient.fetchQuery(offerQueryOptions(carrier.code, packageCode, next));
      // Unless the agent has chosen otherwise meanwhile.
      form.patch((get) =>
        get('orderType') === next && get('lineTypeCode') === lineTypeCode && get('packageCode') === null ? { packageCode, products: toRows(found) } : null,
      );
    })().catch(() => undefined);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending || !form.check()) return;
    const { input, identifierPaths } = toLineInput(values, context);
    save.mutate(
      { lineId, input },
      {
        onSuccess: () => {
          form.markSaved();
          onSaved();
        },
        onError: (error) => {
          if (!isApiError(error)) return form.showServerError(error);
          const mapped = serverErrors(error.fields);
          form.showErrors(Object.fromEntries(Object.entries(mapped).map(([path, message]) => [formPath(path, identifierPaths), message])));
        },
      },
    );
  }

  const packageOptions = (packages.data ?? []).map((pkg) => ({
    value: pkg.code,
    label: `${pkg.name} · ${formatCents(pkg.monthlyCents)}/mo`,
  }));
  const lineNumber = saved ? draft.lines.indexOf(saved) + 1 : draft.lines.length + 1;
  const sourceProperty = deviceSourceProperty(lineType);

  return (
    <Paper p="lg" style={{ borderColor: 'var(--mantine-color-brand-3)', borderWidth: 2 }} component="section" aria-labelledby={headingId}>
      <form ref={formRef} onSubmit={submit} noValidate onKeyDown={submitOnEnter} aria-labelledby={headingId}>
        <Stack gap="lg">
          <Group justify="space-between" align="center">
            <Title id={headingId} order={2} fz="md">
              {saved ? `Edit line ${lineNumber}` : `Line ${lineNumber}`}
            </Title>
            {form.restored && (
              <Group gap="xs">
                <Text fz="xs" c="dimmed">
                  Unsaved changes restored
                </Text>
                <Button size="compact-xs" variant="subtle" onClick={form.discardRestored}>
                  Discard them
                </Button>
              </Group>
            )}
          </Group>
          <StepAlert id={form.alertId} error={save.error} unshown={form.unshown} />

          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label="Line Type"
              withAsterisk
              placeholder="Choose the line type"
              data={lineTypes.map((type) => ({ value: type.code, label: type.name }))}
              value={values.lineTypeCode}
              onChange={chooseLineType}
              onBlur={form.blur('lineTypeCode')}
              error={errors.lineTypeCode}
              allowDeselect={false}
              description={lineType?.description || undefined}
              autoFocus
              openOnFocus={false}
              nothingFoundMessage="No line type matches"
            />
          </SimpleGrid>

          <FieldGroup title="Properties">
            {orderTypes.length > 1 && (
              <SegmentedField
                label="Number"
                data={orderTypes.map((type) => ({ value: type, label: NUMBER_CHOICE_LABELS[type] }))}
                value={orderType}
                onChange={(value) => chooseOrderType(value === 'NEW' ? 'NEW' : 'CONVERSION')}
                description={
                  orderType === 'CONVERSION'
                    ? 'The customer’s number comes over from their current carrier.'
                    : `${carrier.name} assigns a new number beside the ported ones.`
                }
              />
            )}
            <Select
              label="Package"
              withAsterisk
              placeholder={!values.lineTypeCode ? 'Choose the line type first' : packages.isPending ? 'Loading packages…' : 'Choose the package'}
              disabled={!values.lineTypeCode}
              data={packageOptions}
              value={values.packageCode}
              onChange={(code) => choosePackage(code)}
              onBlur={form.blur('packageCode')}
              error={errors.packageCode ?? (packages.isError ? 'Could not load the packages' : undefined)}
              searchable
              allowDeselect={false}
              nothingFoundMessage="No package matches"
              description={
                offer.data
                  ? [offer.data.package.description, offer.data.package.activationFeeCents ? `Activation fee ${formatCents(offer.data.package.activationFeeCents)}` : null]
                      .filter(Boolean)
                      .join(' · ') || undefined
                  : values.lineTypeCode && packages.data?.length === 0
                    ? `${carrier.name} sells no package for this line type on this order type.`
                    : undefined
              }
            />
            {lineType && lineType.properties.length > 0 && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                {lineType.properties.map((definition) => (
                  <PropertyField key={definition.key} definition={definition} form={form} />
                ))}
              </SimpleGrid>
            )}
            {orderType === 'NEW' ? (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                {carrier.numberAssignment === 'AREA_CODE' ? (
                  <TextInput
                    label="Area code for the new number"
                    withAsterisk
                    inputMode="numeric"
                    maxLength={3}
                    autoComplete="off"
                    placeholder="312"
                    description={`${carrier.name} assigns new numbers by area code.`}
                    {...form.text('areaCode')}
                  />
                ) : (
                  <TextInput
                    label="ZIP for the new number"
                    withAsterisk
                    inputMode="numeric"
                    maxLength={5}
                    autoComplete="off"
                    description={`${carrier.name} assigns new numbers by ZIP code.`}
                    {...form.text('numberZip')}
                  />
                )}
              </SimpleGrid>
            ) : (
              <PortInFields form={form} hasStoredPin={hasStoredPin} storedHint={saved?.portIn?.pin.hint ?? null} />
            )}
            {!sourceProperty && (
              <DeviceSourceField value={values.deviceSource} onChange={(value) => form.setField('deviceSource', value)} />
            )}
            <IdentifierFields carrier={carrier} lineTypeCode={values.lineTypeCode} form={form} />
          </FieldGroup>

          <LongDistanceRates offer={offer.data} loading={offer.isFetching && !offer.data} />

          <FieldGroup title="Products">
            {offer.isError ? (
              <ErrorAlert error={offer.error} onRetry={() => void offer.refetch()} title="Could not load the package’s products" />
            ) : (
              <LineProducts
                offer={offer.data}
                rows={values.products}
                onChange={(rows) => form.setField('products', rows)}
                errors={errors}
                canOverridePrices={canOverridePrices}
              />
            )}
          </FieldGroup>

          <Group justify="flex-end" gap="sm">
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                Cancel
              </Button>
            )}
            <Button type="submit" loading={save.isPending} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function FieldGroup({ title, children }: { title: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <Text id={id} fw={650} fz="sm" tt="uppercase" c="dimmed" style={{ letterSpacing: '0.04em' }} mb="xs">
        {title}
      </Text>
      <Stack gap="md">{children}</Stack>
    </section>
  );
}

/** One property the line type declares, drawn from its definition. */
function PropertyField({ definition, form }: { definition: TPropertyDefinition; form: LineFormApi }) {
  const path = `properties.${definition.key}`;
  const common = { label: definition.label, withAsterisk: definition.required, description: definition.helpText ?? undefined };
  const raw = form.values.properties[definition.key];
  switch (definition.kind) {
    case 'boolean':
      return (
        <Checkbox
          mt={{ base: 0, sm: 28 }}
          label={definition.label}
          description={definition.helpText ?? undefined}
          checked={raw === true}
          onChange={(event) => form.setField(path, event.currentTarget.checked)}
          error={form.errors[path]}
        />
      );
    case 'select':
      return <Select {...common} data={definition.options} placeholder="Choose" allowDeselect={!definition.required} clearable={!definition.required} {...form.select(path)} />;
    case 'number':
      return <TextInput {...common} inputMode="decimal" autoComplete="off" {...form.text(path)} />;
    case 'phone':
      return <TextInput {...common} type="tel" autoComplete="off" placeholder="(312) 555-0101" {...form.text(path)} />;
    case 'zip':
      return <TextInput {...common} inputMode="numeric" maxLength={5} autoComplete="off" {...form.text(path)} />;
    case 'date':
      return <TextInput {...common} type="date" {...form.text(path)} />;
    case 'text':
      return <TextInput {...common} autoComplete="off" maxLength={definition.maxLength ?? undefined} {...form.text(path)} />;
  }
}

function DeviceSourceField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <SegmentedField
      label="Device source"
      data={DEVICE_SOURCES.map((source) => ({ value: source, label: DEVICE_SOURCE_LABELS[source] }))}
      value={value}
      onChange={onChange}
    />
  );
}

/** A Conversion line: the number being ported in and the account it leaves. */
function PortInFields({ form, hasStoredPin, storedHint }: { form: LineFormApi; hasStoredPin: boolean; storedHint: string | null }) {
  const port = form.values.portIn;
  return (
    <Paper p="md" bg="gray.0" style={{ borderColor: 'var(--ld-border)' }}>
      <Stack gap="sm">
        <Text fw={650} fz="sm">
          Port-in
        </Text>
        <Text fz="xs" c="dimmed" mt={-8}>
          The number to bring over and the account at the current carrier, exactly as that carrier has them.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Number to port" withAsterisk type="tel" autoComplete="off" placeholder="(312) 555-0101" {...form.text('portIn.number')} />
          <TextInput label="Current carrier" withAsterisk autoComplete="off" {...form.text('portIn.currentCarrier')} />
          <TextInput label="Account number" description="At the current carrier" withAsterisk autoComplete="off" {...form.text('portIn.accountNumber')} />
          <SecretInput
            label="PIN or password"
            required
            stored={hasStoredPin ? { isSet: true, hint: storedHint } : null}
            value={port.pin}
            onChange={(event) => form.setField('portIn.pin', event.currentTarget.value)}
            onBlur={form.blur('portIn.pin')}
            error={form.errors['portIn.pin']}
            description="The port-out PIN the current carrier gave the customer."
          />
          <TextInput label="Authorized signer" withAsterisk autoComplete="off" {...form.text('portIn.authorizedSigner')} />
          <TextInput label="Name on the old account" withAsterisk autoComplete="off" {...form.text('portIn.accountName')} />
        </SimpleGrid>
        {form.errors.portIn && (
          <Text fz="sm" c="red" data-field-error>
            {form.errors.portIn}
          </Text>
        )}
        <Text fw={600} fz="sm" mt="xs">
          Address on the old account
        </Text>
        <AddressFields form={form} path="portIn.address" address={port.address} />
      </Stack>
    </Paper>
  );
}

/** One input per identifier the carrier takes on this line type (optional here: assigned on the order later). */
function IdentifierFields({ carrier, lineTypeCode, form }: { carrier: TWizardCarrier; lineTypeCode: string | null; form: LineFormApi }) {
  const groups = identifierGroups(carrier, lineTypeCode);
  if (groups.length === 0) return null;
  return (
    <div>
      <Text fz="sm" fw={600}>
        Device and SIM
      </Text>
      <Text fz="xs" c="dimmed" mb="xs">
        Optional now: scan or paste them here, or assign inventory on the order after Create Order.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {groups.map((group) => {
          const path = `identifiers.${groupKey(group)}`;
          return <TextInput key={path} label={groupLabel(group)} autoComplete="off" classNames={{ input: 'ld-code-input' }} placeholder="Optional" {...form.text(path)} />;
        })}
      </SimpleGrid>
      {form.errors.identifiers && (
        <Text fz="sm" c="red" data-field-error>
          {form.errors.identifiers}
        </Text>
      )}
    </div>
  );
}

/** What the Package brings: its long-distance plan, domestic and international per-minute rates. */
function LongDistanceRates({ offer, loading }: { offer: TPackageOffer | undefined; loading: boolean }) {
  const id = useId();
  const rates = offer?.ldRates;
  return (
    <section aria-labelledby={id}>
      <Text id={id} fw={650} fz="sm" tt="uppercase" c="dimmed" style={{ letterSpacing: '0.04em' }} mb="xs">
        Long Distance Rates
      </Text>
      {!offer ? (
        <Text fz="sm" c="dimmed">
          {loading ? 'Loading…' : 'Choosing the Package fills the long-distance rates.'}
        </Text>
      ) : !rates ? (
        <Alert role="note" color="gray" variant="light" icon={<IconInfoCircle size={18} aria-hidden />} py="xs">
          {offer.populatesProducts ? 'This package has no long-distance plan.' : 'This carrier does not fill rates from the package.'}
        </Alert>
      ) : (
        <Paper p="md" bg="gray.0" style={{ borderColor: 'var(--ld-border)' }}>
          <Group justify="space-between" wrap="wrap" gap="sm">
            <div>
              <Text fw={600} fz="sm">
                {rates.planName}
              </Text>
              <Text fz="xs" c="dimmed" className="ld-mono">
                {rates.planCode}
              </Text>
            </div>
            <Text fz="sm">
              Domestic <b className="ld-money">{formatMillicents(rates.domesticPerMinuteMillicents)}/min</b>
            </Text>
          </Group>
          {rates.internationalRates.length > 0 && (
            <Spoiler maxHeight={56} showLabel={`Show all ${rates.internationalRates.length} countries`} hideLabel="Show fewer" mt="sm" fz="xs">
              <Group gap={6} aria-label="International rates" role="list">
                {rates.internationalRates.map((rate) => (
                  <Badge key={rate.countryCode} role="listitem" variant="default" radius="sm" tt="none" fw={500}>
                    {rate.countryName} {formatMillicents(rate.perMinuteMillicents)}/min
                  </Badge>
                ))}
              </Group>
            </Spoiler>
          )}
        </Paper>
      )}
    </section>
  );
}
