import {
  BANK_ACCOUNT_TYPES,
  FULFILLMENT_LABELS,
  FULFILLMENTS,
  formatCents,
  isAbaRoutingNumberValid,
  isoDay,
  orderCharges,
  orderOptionsSchema,
  PAYMENT_METHOD_LABELS,
  PAYMENT_METHODS,
  ZDuplicateAcknowledgement,
  type Fulfillment,
  type PaymentMethod,
  type TDuplicateCandidate,
  type TFinalStepInput,
  type TOrderOptionsInput,
  type TWizardDraft,
} from '@linedesk/domain';
import { Alert, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Switch, Table, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconDeviceFloppy } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../../components/common/status-state';
import { useCreateOrder, useDraftDuplicates, useSaveFinal } from '../../../../hooks/api/wizard';
import { isApiError } from '../../../../lib/api-client';
import type { FieldErrors } from '../../../../lib/form-errors';
import { centsToDollarText, readCents } from '../../../../lib/money-input';
import { MoneyField } from '../../../catalog/common/fields';
import { AddressFields, addressForm, addressInput, EMPTY_ADDRESS, type AddressForm } from '../address-fields';
import { AccountLink, DuplicateLevelBadge, reasonsText } from '../duplicates';
import { zodErrors } from '../form-state';
import { SecretInput } from '../secret-input';
import { stepStorageKey, useStepForm } from '../use-step-form';
import { clearWizardStorage, paymentText } from '../wizard-links';
import type { StepProps } from '../wizard-page';
import { EnterSubmits, RestoredNotice, SegmentedField, StepAlert, StepSection, submitOnEnter, WizardFooter } from '../wizard-parts';
import { CardPayment } from './card-payment';

type FinalForm = {
  options: {
    requestedDueDate: string;
    fulfillment: Fulfillment;
    shipToServiceAddress: boolean;
    shippingAddress: AddressForm;
    sendAutomatically: boolean;
    notes: string;
    deposit: string;
  };
  method: PaymentMethod;
  payment: { nameOnAccount: string; routingNumber: string; accountNumber: string; accountType: 'CHECKING' | 'SAVINGS' };
  acknowledgement: { reason: string; confirmed: boolean };
};

function optionsInput(values: FinalForm): { input: TOrderOptionsInput; parseErrors: FieldErrors } {
  const deposit = readCents(values.options.deposit, 0);
  const options = values.options;
  return {
    input: {
      requestedDueDate: options.requestedDueDate,
      fulfillment: options.fulfillment,
      shipToServiceAddress: options.shipToServiceAddress,
      shippingAddress: options.fulfillment === 'SHIP' && !options.shipToServiceAddress ? addressInput(options.shippingAddress) : null,
      sendAutomatically: options.sendAutomatically,
      notes: options.notes,
      depositCents: deposit.value ?? 0,
    },
    parseErrors: deposit.error ? { 'options.depositCents': deposit.error } : {},
  };
}

/** The final page's PUT: Order Options, and the payment unless it is a card (set through the gateway on its own). */
function finalInput(values: FinalForm): TFinalStepInput {
  const payment =
    values.method === 'INVOICE'
      ? ({ method: 'INVOICE' } as const)
      : values.method === 'BANK'
        ? {
            method: 'BANK' as const,
            nameOnAccount: values.payment.nameOnAccount,
            routingNumber: values.payment.routingNumber,
            // Blank keeps the stored account number.
            ...(values.payment.accountNumber.trim() ? { accountNumber: values.payment.accountNumber.trim() } : {}),
            accountType: values.payment.accountType,
          }
        : undefined;
  return { options: optionsInput(values).input, ...(payment ? { payment } : {}) };
}

type Context = { today: string; draft: TWizardDraft; exact: boolean };

/** The page's rules: options, the payment chosen, and (for an exact duplicate) the reason to go on. */
function validate(values: FinalForm, { today, draft, exact }: Context, forOrder: boolean): FieldErrors {
  const { input, parseErrors } = optionsInput(values);
  const errors: FieldErrors = { ...zodErrors(orderOptionsSchema(today), input, 'options'), ...parseErrors };
  if (values.method === 'BANK') {
    const bank = values.payment;
    if (!bank.nameOnAccount.trim()) errors['payment.nameOnAccount'] = 'Enter the name on the account';
    const routing = isAbaRoutingNumberValid(bank.routingNumber);
    if (!routing.ok) errors['payment.routingNumber'] = routing.message;
    const stored = draft.payment?.method === 'BANK' && draft.payment.accountNumber.isSet;
    const digits = bank.accountNumber.trim();
    if (digits && !/^\d{4,17}$/.test(digits)) errors['payment.accountNumber'] = 'Use the 4–17 digits of the account number';
    else if (!digits && !stored) errors['payment.accountNumber'] = 'Enter the bank account number';
  }
  if (forOrder && values.method === 'CARD' && draft.payment?.method !== 'CARD') errors.card = 'Save the card first: enter it under Payment Details and choose Save card';
  if (forOrder && exact) {
    const reason = ZDuplicateAcknowledgement.safeParse({ reason: values.acknowledgement.reason });
    if (!reason.success) errors['duplicateAcknowledgement.reason'] = reason.error.issues[0]?.message ?? 'Say why this is a new customer';
    if (!values.acknowledgement.confirmed) errors['duplicateAcknowledgement.confirmed'] = 'Confirm you checked the exact matches';
  }
  return errors;
}

/** Step 5: Order Options, Payment Details, what is due, Duplicate Customers, and Create Order. */
export function FinalStep({ draft, carrier, goTo }: StepProps) {
  const navigate = useNavigate();
  const saveFinal = useSaveFinal(draft.id);
  const createOrder = useCreateOrder(draft.id);
  const duplicates = useDraftDuplicates(draft.id);
  const [today] = useState(() => isoDay(new Date()));
  const [mode, setMode] = useState<'save' | 'order'>('save');
  const sending = useRef(false);
  const candidates = duplicates.data ?? [];
  const exact = candidates.some((candidate) => candidate.level === 'EXACT');
  const context: Context = { today, draft, exact };

  const { formRef, ...form } = useStepForm<FinalForm, HTMLDivElement>({
    storageKey: stepStorageKey(draft.id, 'final'),
    initial: () => {
      const options = draft.options;
      const payment = draft.payment;
      return {
        options: {
          requestedDueDate: options?.requestedDueDate ?? '',
          fulfillment: options?.fulfillment ?? 'PICKUP',
          shipToServiceAddress: options?.shipToServiceAddress ?? true,
          shippingAddress: options?.shippingAddress ? addressForm(options.shippingAddress) : { ...EMPTY_ADDRESS },
          sendAutomatically: options?.sendAutomatically ?? carrier?.flowThrough ?? false,
          notes: options?.notes ?? '',
          deposit: options && options.depositCents > 0 ? centsToDollarText(options.depositCents) : '',
        },
        method: payment?.method ?? 'CARD',
        payment: {
          nameOnAccount: payment?.method === 'BANK' ? payment.nameOnAccount : draft.title,
          routingNumber: payment?.method === 'BANK' ? payment.routingNumber : '',
          accountNumber: '',
          accountType: payment?.method === 'BANK' ? payment.accountType : 'CHECKING',
        },
        acknowledgement: { reason: '', confirmed: false },
      };
    },
    validate: (values) => validate(values, context, mode === 'order'),
    persistable: (values) => ({ ...values, payment: { ...values.payment, accountNumber: '' } }),
  });
  const { values, errors } = form;
  const depositCents = readCents(values.options.deposit, 0).value ?? 0;
  const charges = orderCharges(draft.lines, depositCents);
  const pending = saveFinal.isPending || createOrder.isPending;

  function showFailure(error: unknown) {
    form.showServerError(error);
  }

  function save(event?: FormEvent) {
    event?.preventDefault();
    if (pending) return;
    setMode('save');
    const problems = validate(values, context, false);
    if (Object.keys(problems).length > 0) return void form.showErrors({});
    saveFinal.mutate(finalInput(values), {
      onSuccess: () => {
        form.markSaved();
        notifications.show({ color: 'green', title: 'Saved', message: 'Order Options and Payment Details are saved on the draft.' });
      },
      onError: showFailure,
    });
  }

  async function create() {
    // A double click must not send twice (the server is idempotent too).
    if (sending.current || pending) return;
    setMode('order');
    const problems = validate(values, context, true);
    if (Object.keys(problems).length > 0) return void form.showErrors({});
    sending.current = true;
    try {
      await saveFinal.mutateAsync(finalInput(values));
      form.markSaved();
      const result = await createOrder.mutateAsync({ duplicateAcknowledgement: exact ? { reason: values.acknowledgement.reason } : null });
      clearWizardStorage(draft.id);
      // The account page it lands on says so (`?created=`), with the next step and View Details: no toast on top of it.
      void navigate({ to: '/customers/$customerId', params: { customerId: result.customerId }, search: { created: result.orderNumber } });
    } catch (error) {
      if (isApiError(error)) {
        // An exact duplicate the list did not show yet (someone just created it): fetch the list again.
        if (error.fields.some((field) => field.field.startsWith('body.duplicateAcknowledgement'))) void duplicates.refetch();
        // The create call names `body.duplicateAcknowledgement`: it shows on the reason.
        showFailure(error);
      } else throw error;
    } finally {
      sending.current = false;
    }
  }

  const payment = draft.payment;
  const requestError = createOrder.error ?? saveFinal.error;

  return (
    <div ref={formRef}>
      <Stack gap="lg">
        {form.restored && <RestoredNotice onDiscard={form.discardRestored} />}
        <StepAlert id={form.alertId} error={requestError} unshown={form.unshown} />

        <StepSection title="Order Options" description="When and how the order is fulfilled.">
          <form onSubmit={save} noValidate onKeyDown={submitOnEnter} aria-label="Order Options">
            <EnterSubmits />
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <TextInput label="Requested due date" type="date" min={today} autoFocus {...form.text('options.requestedDueDate')} />
                <MoneyField
                  label="Deposit"
                  description="Taken today with the first month and one-time charges."
                  value={values.options.deposit}
                  onChange={(deposit) => form.setField('options.deposit', deposit)}
                  onBlur={form.blur('options.depositCents')}
                  error={errors['options.depositCents']}
                />
              </SimpleGrid>
              <SegmentedField
                label="Fulfillment"
                data={FULFILLMENTS.map((value) => ({ value, label: value === 'SHIP' ? 'Ship' : FULFILLMENT_LABELS[value] }))}
                value={values.options.fulfillment}
                onChange={(value) => form.setField('options.fulfillment', value)}
              />
              {values.options.fulfillment === 'SHIP' && (
                <>
                  <Switch
                    label="Ship to the service address"
                    checked={values.options.shipToServiceAddress}
                    onChange={(event) => form.setField('options.shipToServiceAddress', event.currentTarget.checked)}
                  />
                  {!values.options.shipToServiceAddress && (
                    <AddressFields form={form} path="options.shippingAddress" address={values.options.shippingAddress} />
                  )}
                  {errors['options.shippingAddress'] && (
                    <Text fz="sm" c="red" data-field-error>
                      {errors['options.shippingAddress']}
                    </Text>
                  )}
                </>
              )}
              <Switch
                label="Send to the carrier automatically once inventory is assigned"
                description={
                  carrier?.flowThrough
                    ? `${carrier.name} takes orders by flow-through: on by default.`
                    : 'Otherwise someone sends the order from its page once the device and SIM are assigned.'
                }
                checked={values.options.sendAutomatically}
                onChange={(event) => form.setField('options.sendAutomatically', event.currentTarget.checked)}
              />
              <Textarea label="Notes" placeholder="Anything the back office should know" autosize minRows={2} maxRows={6} {...form.text('options.notes')} />
            </Stack>
          </form>
        </StepSection>

        <StepSection title="Payment Details" description="How the customer pays what is due today and each bill.">
          <SegmentedField
            label="Payment method"
            data={PAYMENT_METHODS.map((value) => ({ value, label: PAYMENT_METHOD_LABELS[value] }))}
            value={values.method}
            onChange={(value) => form.setField('method', value)}
          />
          {values.method === 'CARD' && (
            <CardPayment draft={draft} missingError={errors.card} />
          )}
          {values.method === 'BANK' && (
            <form onSubmit={save} noValidate aria-label="Bank account">
              <EnterSubmits />
              <Stack gap="md">
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  <TextInput label="Name on the account" withAsterisk autoComplete="off" {...form.text('payment.nameOnAccount')} />
                  <SegmentedField
                    label="Account type"
                    fullWidth
                    data={BANK_ACCOUNT_TYPES.map((value) => ({ value, label: value === 'CHECKING' ? 'Checking' : 'Savings' }))}
                    value={values.payment.accountType}
                    onChange={(value) => form.setField('payment.accountType', value)}
                  />
                  <TextInput
                    label="Routing number"
                    withAsterisk
                    inputMode="numeric"
                    maxLength={9}
                    autoComplete="off"
                    classNames={{ input: 'ld-code-input' }}
                    {...form.text('payment.routingNumber')}
                    onChange={(event) => form.setField('payment.routingNumber', event.currentTarget.value.replace(/\D/g, ''))}
                    description={routingHint(values.payment.routingNumber)}
                  />
                  <SecretInput
                    label="Account number"
                    required
                    stored={payment?.method === 'BANK' ? payment.accountNumber : null}
                    value={values.payment.accountNumber}
                    onChange={(event) => form.setField('payment.accountNumber', event.currentTarget.value.replace(/\D/g, ''))}
                    onBlur={form.blur('payment.accountNumber')}
                    error={errors['payment.accountNumber']}
                    inputMode="numeric"
                  />
                </SimpleGrid>
              </Stack>
            </form>
          )}
          {values.method === 'INVOICE' && (
            <Text fz="sm" c="dimmed">
              The customer pays against each bill, within the bill profile’s payment terms. What is due today is collected at the counter.
            </Text>
          )}
          {payment && payment.method !== values.method && (
            <Text fz="xs" c="dimmed">
              Stored now: {paymentText(payment)}. It is replaced when you save.
            </Text>
          )}
        </StepSection>

        <DueToday charges={charges} />

        <DuplicateCustomers
          candidates={candidates}
          loading={duplicates.isPending}
          error={duplicates.isError ? duplicates.error : null}
          onRetry={() => void duplicates.refetch()}
        >
          {exact && (
            <form onSubmit={(event) => event.preventDefault()} noValidate aria-label="Duplicate acknowledgement">
              <Stack gap="sm">
                <Textarea
                  label="Reason this is a new customer"
                  withAsterisk
                  description="Recorded with the order: say how you know this is not the existing customer."
                  autosize
                  minRows={2}
                  {...form.text('acknowledgement.reason')}
                  error={errors['duplicateAcknowledgement.reason'] ?? errors.duplicateAcknowledgement}
                />
                <Checkbox
                  label="I checked the exact matches above: this is a new customer"
                  checked={values.acknowledgement.confirmed}
                  onChange={(event) => form.setField('acknowledgement.confirmed', event.currentTarget.checked)}
                  error={errors['duplicateAcknowledgement.confirmed']}
                  aria-invalid={Boolean(errors['duplicateAcknowledgement.confirmed'])}
                />
              </Stack>
            </form>
          )}
        </DuplicateCustomers>

        <WizardFooter onBack={() => goTo('lines')} status={form.dirty ? 'Unsaved changes are kept in this tab' : draft.completion.final ? 'Saved' : undefined}>
          <Button variant="default" leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={() => save()} loading={saveFinal.isPending && mode === 'save'} disabled={pending && mode === 'order'}>
            Save
          </Button>
          <Button
            color="teal"
            leftSection={<IconCircleCheck size={16} aria-hidden />}
            onClick={() => void create()}
            loading={pending && mode === 'order'}
            disabled={pending && mode === 'save'}
          >
            Create Order
          </Button>
        </WizardFooter>
      </Stack>
    </div>
  );
}

function routingHint(routing: string): string | undefined {
  if (routing.length !== 9) return '9 digits, printed first on a check';
  return isAbaRoutingNumberValid(routing).ok ? 'Valid routing number' : undefined;
}

function DueToday({ charges }: { charges: ReturnType<typeof orderCharges> }) {
  const rows: [string, number][] = [
    ['One-time charges', charges.oneTimeCents],
    ['First month', charges.firstMonthCents],
    ['Deposit', charges.depositCents],
  ];
  return (
    <StepSection title="Due today" description="Taxes and surcharges are added by billing.">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Table withRowBorders={false} verticalSpacing={4} aria-label="Due today">
          <Table.Tbody>
            {rows.map(([label, cents]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row" fw={400} c="dimmed">
                  {label}
                </Table.Th>
                <Table.Td ta="right" className="ld-money">
                  {formatCents(cents)}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr style={{ borderTop: '1px solid var(--ld-border)' }}>
              <Table.Th scope="row">Total due today</Table.Th>
              <Table.Td ta="right" fw={700} fz="lg" className="ld-money">
                {formatCents(charges.dueTodayCents)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Paper p="md" bg="gray.0" style={{ borderColor: 'var(--ld-border)' }}>
          <Text fz="sm" c="dimmed">
            Monthly
          </Text>
          <Text fz={28} fw={700} className="ld-money">
            {formatCents(charges.monthlyCents)}
          </Text>
          <Text fz="xs" c="dimmed">
            Every month from the next bill, for all lines.
          </Text>
        </Paper>
      </SimpleGrid>
    </StepSection>
  );
}

function DuplicateCustomers({
  candidates,
  loading,
  error,
  onRetry,
  children,
}: {
  candidates: TDuplicateCandidate[];
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  children: React.ReactNode;
}) {
  if (error) return <ErrorAlert error={error} onRetry={onRetry} title="Could not check for duplicate customers" />;
  if (loading || candidates.length === 0) {
    return (
      <Text fz="sm" c="dimmed" role="status">
        {loading ? 'Checking for existing customers…' : 'Duplicate Customers: no existing customer matches this one.'}
      </Text>
    );
  }
  const exact = candidates.some((candidate) => candidate.level === 'EXACT');
  return (
    <StepSection
      title="Duplicate Customers"
      description={exact ? 'An exact match was found: say why this is a new customer before Create Order.' : 'Existing customers that look similar. Open one to check; you can go on.'}
    >
      {exact && (
        <Alert role="note" color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} py="xs">
          Creating a second account for an existing customer splits their bills and history.
        </Alert>
      )}
      <div className="ld-table-wrap" style={{ border: '1px solid var(--ld-border)', borderRadius: 'var(--mantine-radius-md)' }}>
        <Table aria-label="Duplicate Customers" verticalSpacing={8}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Account</Table.Th>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Service address</Table.Th>
              <Table.Th scope="col">Match</Table.Th>
              <Table.Th scope="col">Why</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {candidates.map((candidate) => (
              <Table.Tr key={candidate.customerId}>
                <Table.Td>
                  <AccountLink candidate={candidate} />
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" fw={600}>
                    {candidate.displayName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{candidate.serviceAddress ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <DuplicateLevelBadge level={candidate.level} />
                </Table.Td>
                <Table.Td>
                  <Text fz="xs">{reasonsText(candidate)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {children}
      <Group gap={4}>
        <Text fz="xs" c="dimmed">
          Accounts open in a new tab, so this draft stays as it is.
        </Text>
      </Group>
    </StepSection>
  );
}
