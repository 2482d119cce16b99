import { ZPortInUpdate, type TOrderDetail, type TOrderLine, type TPortInUpdate } from '@linedesk/domain';
import { Button, Group, Modal, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '../../../components/common/form-alert';
import { useUpdatePortIn } from '../../../hooks/api/orders';
import { formatPhone } from '../../../lib/format';
import { focusFirstInvalid, serverFieldErrors, validateWith, type FieldErrors } from '../../../lib/form-errors';
import { SecretInput } from '../../customers/wizard/secret-input';
import { lineNumber } from '../order-text';

type PortInForm = { currentCarrier: string; accountNumber: string; pin: string; authorizedSigner: string; accountName: string };
type Field = keyof PortInForm;

const formOf = (portIn: NonNullable<TOrderLine['portIn']>): PortInForm => ({
  currentCarrier: portIn.currentCarrier,
  accountNumber: portIn.accountNumber,
  pin: '',
  authorizedSigner: portIn.authorizedSigner,
  accountName: portIn.accountName,
});

/**
 * Edit port-in: the account a port-in line leaves, corrected with the customer after the carrier refused
 * the port (a wrong account number or PIN) or before the order is sent. The number stays; the PIN is
 * write-only (blank keeps the one on file). Saved, the order shows the change and can be sent again.
 */
export function EditPortInModal({ order, line, onClose }: { order: TOrderDetail; line: TOrderLine | null; onClose: () => void }) {
  return (
    <Modal opened={line !== null} onClose={onClose} title={line ? `Edit port-in — Line ${lineNumber(line.position)}` : 'Edit port-in'} size="lg">
      {line?.portIn && <PortInFormBody key={line.id} order={order} line={line} portIn={line.portIn} onClose={onClose} />}
    </Modal>
  );
}

function PortInFormBody({ order, line, portIn, onClose }: { order: TOrderDetail; line: TOrderLine; portIn: NonNullable<TOrderLine['portIn']>; onClose: () => void }) {
  const update = useUpdatePortIn(order.id);
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<PortInForm>(() => formOf(portIn));
  const [errors, setErrors] = useState<FieldErrors>({});
  const server = serverFieldErrors(update.error);
  const errorOf = (field: Field) => errors[field] ?? server[field];

  const set = (field: Field) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors(({ [field]: _cleared, ...rest }) => rest);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // A blank PIN is left out: the one on file stays.
    const input: TPortInUpdate = { ...values, pin: values.pin.trim() === '' ? undefined : values.pin };
    const parsed = validateWith(ZPortInUpdate, input);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    update.mutate(
      { lineId: line.id, input },
      {
        onSuccess: onClose,
        onError: () => focusFirstInvalid(formRef.current),
      },
    );
  };

  const refusal = line.carrierRejection;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={`Port-in details of line ${lineNumber(line.position)}`}>
      <Stack gap="md">
        <Text fz="sm">
          Check the account at the current carrier with the customer, exactly as that carrier has it. Saved, the order can be sent to{' '}
          {order.carrierName} again.
        </Text>
        <Paper px="md" py="sm" bg="gray.0" style={{ borderColor: 'var(--ld-border)' }}>
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text fz="sm">
              <Text span fz="sm" c="dimmed">
                Number being ported{' '}
              </Text>
              <Text span fz="sm" fw={700} className="ld-num">
                {formatPhone(portIn.number)}
              </Text>
            </Text>
            <Text fz="xs" c="dimmed">
              It stays: porting another number is another order.
            </Text>
          </Group>
          {refusal && (
            <Text fz="sm" c="red.8" mt={6}>
              {order.carrierName} refused it:{' '}
              <Text span fz="sm" fw={600} className="ld-mono">
                {refusal.code}
              </Text>{' '}
              {refusal.text}
            </Text>
          )}
        </Paper>
        <FormAlert error={update.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Current carrier" withAsterisk autoComplete="off" maxLength={80} value={values.currentCarrier} onChange={set('currentCarrier')} error={errorOf('currentCarrier')} data-autofocus />
          <TextInput
            label="Account number"
            description="At the current carrier"
            withAsterisk
            autoComplete="off"
            maxLength={40}
            value={values.accountNumber}
            onChange={set('accountNumber')}
            error={errorOf('accountNumber')}
          />
          <SecretInput
            label="PIN or password"
            stored={portIn.pin}
            value={values.pin}
            onChange={set('pin')}
            error={errorOf('pin')}
            description="The port-out PIN the current carrier gave the customer."
          />
          <TextInput label="Authorized signer" withAsterisk autoComplete="off" maxLength={120} value={values.authorizedSigner} onChange={set('authorizedSigner')} error={errorOf('authorizedSigner')} />
          <TextInput
            label="Name on the old account"
            withAsterisk
            autoComplete="off"
            maxLength={120}
            value={values.accountName}
            onChange={set('accountName')}
            error={errorOf('accountName')}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save port-in
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
