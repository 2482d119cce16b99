import { cardBrand, checkCardExpiry, checkCardNumber, checkCvv, type TWizardDraft } from '@linedesk/domain';
import { Badge, Button, Grid, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCreditCard, IconLock } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { PasswordField } from '../../../../components/common/password-field';
import { useSetCardPayment } from '../../../../hooks/api/wizard';
import type { FieldErrors } from '../../../../lib/form-errors';
import { useStepForm } from '../use-step-form';
import { StepAlert } from '../wizard-parts';
import { brandName, paymentText } from '../wizard-links';

type CardForm = { number: string; expMonth: string; expYear: string; cvv: string; nameOnCard: string; billingZip: string };

function validateCard(values: CardForm, now: Date): FieldErrors {
  const errors: FieldErrors = {};
  const number = checkCardNumber(values.number);
  if (!number.ok) errors.number = values.number.trim() ? number.message : 'Enter the card number';
  const expiry = checkCardExpiry(values.expMonth, values.expYear, now);
  if (!expiry.ok) errors[expiry.rule === 'year' ? 'expYear' : 'expMonth'] = expiry.message;
  const cvv = checkCvv(values.cvv, number.ok ? number.brand : cardBrand(values.number));
  if (!cvv.ok) errors.cvv = values.cvv.trim() ? cvv.message : 'Enter the security code';
  if (!values.nameOnCard.trim()) errors.nameOnCard = 'Enter the name on the card';
  if (!/^\d{5}$/.test(values.billingZip.trim())) errors.billingZip = 'Use a 5-digit ZIP code';
  return errors;
}

/** "4242 4242 4242 4242" as typed: groups of four (Amex 4-6-5). */
function spaced(digits: string): string {
  if (cardBrand(digits) === 'AMEX') return [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10, 15)].filter(Boolean).join(' ');
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/**
 * Payment Details by credit card: the card goes straight to the payment gateway through the server
 * (never stored here, never kept in this tab); the draft keeps the brand, last 4 and expiry.
 */
export function CardPayment({ draft, missingError }: { draft: TWizardDraft; missingError?: string }) {
  const stored = draft.payment?.method === 'CARD' ? draft.payment : null;
  const [replacing, setReplacing] = useState(stored === null);
  // The card form goes away once the card is saved: keep the agent's place on the card that replaced
  // it, once the saved draft (with the card) has arrived.
  const replaceButton = useRef<HTMLButtonElement>(null);
  const [justSaved, setJustSaved] = useState(false);
  useEffect(() => {
    if (!justSaved || !stored || !replaceButton.current) return;
    replaceButton.current.focus();
    setJustSaved(false);
  }, [justSaved, stored]);
  if (stored && !replacing) {
    return (
      <Paper p="md" bg="gray.0" style={{ borderColor: 'var(--ld-border)' }}>
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="sm">
            <IconCreditCard size={22} aria-hidden />
            <div>
              <Text fw={650} fz="sm">
                {paymentText(stored)}
              </Text>
              <Text fz="xs" c="dimmed">
                {stored.nameOnCard} · billing ZIP {stored.billingZip}
              </Text>
            </div>
            <Badge color="teal" variant="light" radius="sm" tt="none">
              Approved
            </Badge>
          </Group>
          <Button ref={replaceButton} variant="default" size="xs" onClick={() => setReplacing(true)}>
            Replace
          </Button>
        </Group>
      </Paper>
    );
  }
  return <CardForm draft={draft} missingError={missingError} onSaved={() => {
        setReplacing(false);
        setJustSaved(true);
      }} onCancel={stored ? () => setReplacing(false) : null} />;
}

function CardForm({ draft, missingError, onSaved, onCancel }: { draft: TWizardDraft; missingError?: string; onSaved: () => void; onCancel: (() => void) | null }) {
  const save = useSetCardPayment(draft.id);
  const [now] = useState(() => new Date());
  const { formRef, ...form } = useStepForm<CardForm>({
    storageKey: null,
    initial: () => ({
      number: '',
      expMonth: '',
      expYear: '',
      cvv: '',
      nameOnCard: draft.title === 'New customer' ? '' : draft.title,
      billingZip: draft.names?.billingAddress?.zip ?? draft.names?.serviceAddress.zip ?? '',
    }),
    validate: (values) => validateCard(values, now),
  });
  const { values } = form;
  const brand = cardBrand(values.number);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The page's own form must not also take this Enter.
    event.stopPropagation();
    if (save.isPending || !form.check()) return;
    const expiry = checkCardExpiry(values.expMonth, values.expYear, new Date());
    save.mutate(
      {
        number: values.number.replace(/\D/g, ''),
        expMonth: expiry.ok ? expiry.month : Number(values.expMonth),
        expYear: expiry.ok ? expiry.year : Number(values.expYear),
        cvv: values.cvv.trim(),
        nameOnCard: values.nameOnCard.trim(),
        billingZip: values.billingZip.trim(),
      },
      {
        onSuccess: (saved) => {
          const card = saved.payment?.method === 'CARD' ? saved.payment : null;
          notifications.show({ color: 'green', title: 'Card approved', message: card ? `${brandName(card.brand)} •••• ${card.last4} is saved for this order.` : 'The card is saved.' });
          onSaved();
        },
        // A decline comes back on the number (`body.number`) with the gateway's words.
        onError: (error) => form.showServerError(error),
      },
    );
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Credit card">
      <Stack gap="sm">
        <StepAlert id={form.alertId} error={save.error} unshown={form.unshown} />
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput
              label="Card number"
              withAsterisk
              inputMode="numeric"
              autoComplete="off"
              classNames={{ input: 'ld-code-input' }}
              placeholder="4242 4242 4242 4242"
              rightSection={brand !== 'UNKNOWN' ? <Text fz="xs" fw={600} c="dimmed">{brandName(brand)}</Text> : null}
              rightSectionWidth={brand === 'AMEX' || brand === 'MASTERCARD' ? 120 : 64}
              {...form.text('number')}
              error={form.errors.number ?? missingError}
              onChange={(event) => form.setField('number', spaced(event.currentTarget.value.replace(/\D/g, '').slice(0, 19)))}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput label="Name on card" withAsterisk autoComplete="off" {...form.text('nameOnCard')} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <TextInput label="Exp. month" withAsterisk inputMode="numeric" maxLength={2} placeholder="MM" autoComplete="off" {...form.text('expMonth')} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <TextInput label="Exp. year" withAsterisk inputMode="numeric" maxLength={4} placeholder="YYYY" autoComplete="off" {...form.text('expYear')} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <PasswordField
              label="CVV"
              withAsterisk
              inputMode="numeric"
              maxLength={4}
              autoComplete="off"
              {...form.text('cvv')}
              onChange={(event) => form.setField('cvv', event.currentTarget.value.replace(/\D/g, ''))}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <TextInput label="Billing ZIP" withAsterisk inputMode="numeric" maxLength={5} autoComplete="off" {...form.text('billingZip')} />
          </Grid.Col>
        </Grid>
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap={6}>
            <IconLock size={14} aria-hidden color="var(--mantine-color-gray-6)" />
            <Text fz="xs" c="dimmed">
              Sent to the payment gateway; LineDesk keeps only the brand, last 4 digits and expiry.
            </Text>
          </Group>
          <Group gap="sm">
            {onCancel && (
              <Button variant="default" size="sm" onClick={onCancel}>
                Cancel
              </Button>
            )}
            <Button type="submit" size="sm" variant="light" loading={save.isPending} leftSection={<IconCreditCard size={16} aria-hidden />}>
              Save card
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
