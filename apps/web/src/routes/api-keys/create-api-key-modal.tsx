import { API_KEY_NAME_MAX_LENGTH, ROLE_LABELS, ZCreateApiKeyInput, type Role, type TCreatedApiKey } from '@linedesk/domain';
import { Alert, Button, Code, CopyButton, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '../../components/common/form-alert';
import { useCreateApiKey } from '../../hooks/api/api-keys';
import { serverFieldErrors, validateWith, type FieldErrors } from '../../lib/form-errors';
import { formatDateTime } from '../../lib/format';
import { RoleSelect } from '../users/role-select';

/** What a key's role lets an integrator do, in the words of the role's own description. */
const ROLE_HINTS: Record<Role, string> = {
  admin: 'Everything, including users, the catalog and other API keys.',
  agent: 'Sign customers up and work their orders.',
  inventory: 'Receive, move and scan serialized stock.',
  viewer: 'Read everything, change nothing.',
};

const EXPIRY_CHOICES = [
  { value: 'never', label: 'Never' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In 1 year' },
  { value: 'date', label: 'On a date…' },
] as const;
type ExpiryChoice = (typeof EXPIRY_CHOICES)[number]['value'];

/**
 * `formKey` changes on every opening, so each one starts with an empty form. The new key is kept
 * only for the opening that created it, and forgotten once the modal has closed.
 */
export function CreateApiKeyModal({ opened, formKey, onClose }: { opened: boolean; formKey: number; onClose: () => void }) {
  const [created, setCreated] = useState<{ formKey: number; value: TCreatedApiKey } | null>(null);
  const shown = created?.formKey === formKey ? created.value : null;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={() => setCreated(null)}
      title={shown ? 'Copy your new API key' : 'Create API key'}
      size="lg"
      // While the key is on screen a stray click outside must not throw it away.
      closeOnClickOutside={!shown}
    >
      {shown ? (
        <KeyShownOnce created={shown} onDone={onClose} />
      ) : (
        <CreateApiKeyForm key={formKey} onCreated={(value) => setCreated({ formKey, value })} onCancel={onClose} />
      )}
    </Modal>
  );
}

function CreateApiKeyForm({ onCreated, onCancel }: { onCreated: (created: TCreatedApiKey) => void; onCancel: () => void }) {
  const createKey = useCreateApiKey();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [expiry, setExpiry] = useState<ExpiryChoice>('90');
  const [expiryDate, setExpiryDate] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    createKey.reset();
    if (expiry === 'date' && !expiryDate) {
      setErrors({ expiresAt: 'Choose the day the key stops working' });
      return;
    }
    const parsed = validateWith(ZCreateApiKeyInput, { name, role, expiresAt: expiresAtOf(expiry, expiryDate) });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    createKey.mutate(parsed.data, { onSuccess: onCreated, onError: (error) => setErrors(serverFieldErrors(error)) });
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        <FormAlert error={createKey.error} />
        <TextInput
          label="Name"
          description="Who or what uses the key, such as “Dealer portal”. The audit log names its changes “API key” and this name."
          autoComplete="off"
          data-autofocus
          maxLength={API_KEY_NAME_MAX_LENGTH}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
        />
        <div>
          <RoleSelect value={role} onChange={setRole} error={errors.role} />
          <Text fz="xs" c="dimmed" mt={4}>
            {ROLE_LABELS[role]}: {ROLE_HINTS[role]} The key may call exactly the API routes a user with this role may.
          </Text>
        </div>
        <Group align="flex-start" grow wrap="wrap">
          <NativeSelect
            label="Expires"
            data={EXPIRY_CHOICES.map((choice) => ({ value: choice.value, label: choice.label }))}
            value={expiry}
            onChange={(event) => {
              const next = EXPIRY_CHOICES.find((choice) => choice.value === event.currentTarget.value);
              if (next) setExpiry(next.value);
            }}
            error={expiry === 'date' ? undefined : errors.expiresAt}
          />
          {expiry === 'date' && (
            <TextInput
              label="Expiry date"
              description="The key stops working at the end of this day (your time)."
              type="date"
              min={tomorrow()}
              value={expiryDate}
              onChange={(event) => setExpiryDate(event.currentTarget.value)}
              error={errors.expiresAt}
            />
          )}
        </Group>
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={createKey.isPending}>
            Create key
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The key itself, this one time: copy it, with the header to send it in. */
function KeyShownOnce({ created, onDone }: { created: TCreatedApiKey; onDone: () => void }) {
  const { apiKey, key } = created;
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="This is the only time the key is shown">
        Copy it now and keep it somewhere safe, such as the integration’s secret store. LineDesk keeps only a fingerprint of it: if it is
        lost, revoke it and create another.
      </Alert>
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <TextInput
          label={`API key for ${apiKey.name}`}
          value={key}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          style={{ flex: 1 }}
        />
        <CopyButton value={key} timeout={3000}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'filled' : 'light'}
              color={copied ? 'green' : undefined}
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
              onClick={copy}
              miw={110}
            >
              {copied ? 'Copied' : 'Copy key'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <div>
        <Text fz="sm" mb={4}>
          Send it with every request:
        </Text>
        <Code block>Authorization: Bearer {key.slice(0, 13)}…</Code>
      </div>
      <Text fz="sm" c="dimmed">
        Role {ROLE_LABELS[apiKey.role]}
        {apiKey.expiresAt ? `, expires ${formatDateTime(apiKey.expiresAt)}` : ', never expires'}.
      </Text>
      <Group justify="flex-end">
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}

/** The expiry the choice means, as an ISO time; null for never. A date ends at its last local millisecond. */
function expiresAtOf(choice: ExpiryChoice, date: string): string | null {
  if (choice === 'never') return null;
  if (choice === 'date') {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!match) return date;
    return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59, 999).toISOString();
  }
  return new Date(Date.now() + Number(choice) * 24 * 3600 * 1000).toISOString();
}

function tomorrow(): string {
  const date = new Date();
  date.setDate(date.getDate() + 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
