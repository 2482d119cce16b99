import type { ProvisioningAdapter, TCarrier } from '@linedesk/domain';
import { Group, Radio, Stack, Text } from '@mantine/core';
import type { FieldErrors } from '../../../lib/form-errors';
import { blankToNull } from '../../../lib/text';
import { TextField } from '../common/fields';
import { SecretField, secretPayload, type SecretDraft } from './secret-field';

export type ProvisioningDraft = {
  adapter: ProvisioningAdapter;
  endpoint: string;
  accountId: string;
  credential: SecretDraft;
  webhookSecret: SecretDraft;
};

const ADAPTERS: { value: ProvisioningAdapter; label: string; description: string }[] = [
  { value: 'manual', label: 'Manual', description: 'Staff activate orders in the carrier’s own portal and mark them done.' },
  { value: 'carrier-gateway', label: 'Carrier gateway', description: 'Orders go to the carrier’s activation API automatically.' },
];

/**
 * The provisioning part of the carrier's input. The gateway's settings are sent only while the
 * gateway is chosen: with Manual their inputs are hidden, so whatever was typed there is neither
 * checked nor saved; the stored endpoint and account stay as they are and the secrets are kept
 * (left out) for when someone switches back.
 */
export function provisioningPayload(draft: ProvisioningDraft, stored: TCarrier['provisioning'] | null) {
  if (draft.adapter !== 'carrier-gateway') {
    return { adapter: draft.adapter, endpoint: stored?.endpoint ?? null, accountId: stored?.accountId ?? null };
  }
  return {
    adapter: draft.adapter,
    endpoint: blankToNull(draft.endpoint),
    accountId: blankToNull(draft.accountId),
    credential: secretPayload(draft.credential),
    webhookSecret: secretPayload(draft.webhookSecret),
  };
}

const isAdapter = (value: string): value is ProvisioningAdapter => ADAPTERS.some((adapter) => adapter.value === value);

type Props = {
  value: ProvisioningDraft;
  onChange: (change: Partial<ProvisioningDraft>) => void;
  /** The stored carrier, for whether its secrets are set; null when creating. */
  stored: TCarrier['provisioning'] | null;
  errors: FieldErrors;
};

/** How orders reach the carrier. Connection settings only matter to the gateway, so only it shows them. */
export function ProvisioningFields({ value, onChange, stored, errors }: Props) {
  return (
    <Stack gap="md">
      <Radio.Group
        label="Provisioning adapter"
        value={value.adapter}
        onChange={(next) => {
          if (isAdapter(next)) onChange({ adapter: next });
        }}
        error={errors['provisioning.adapter']}
      >
        <Group gap="xl" mt={8} align="flex-start" grow>
          {ADAPTERS.map((adapter) => (
            <Radio key={adapter.value} value={adapter.value} label={adapter.label} description={adapter.description} />
          ))}
        </Group>
      </Radio.Group>

      {value.adapter === 'carrier-gateway' ? (
        <>
          <TextField
            label="Endpoint URL"
            description="The carrier gateway’s base address, e.g. https://gateway.example.com/v1."
            type="url"
            spellCheck={false}
            value={value.endpoint}
            onChange={(endpoint) => onChange({ endpoint })}
            error={errors['provisioning.endpoint']}
          />
          <TextField
            label="Account ID"
            description="Your reseller account at the carrier."
            spellCheck={false}
            value={value.accountId}
            onChange={(accountId) => onChange({ accountId })}
            error={errors['provisioning.accountId']}
          />
          <SecretField
            label="Credential"
            description="API key or password for the gateway. Stored encrypted; never shown again."
            stored={stored?.credential ?? null}
            value={value.credential}
            onChange={(credential) => onChange({ credential })}
            error={errors['provisioning.credential']}
          />
          <SecretField
            label="Webhook secret"
            description="Signs the carrier’s status callbacks. Stored encrypted; never shown again."
            stored={stored?.webhookSecret ?? null}
            value={value.webhookSecret}
            onChange={(webhookSecret) => onChange({ webhookSecret })}
            error={errors['provisioning.webhookSecret']}
          />
        </>
      ) : (
        <Text fz="sm" c="dimmed">
          No connection settings are needed. Any gateway settings saved earlier are kept for when you switch back.
        </Text>
      )}
    </Stack>
  );
}
