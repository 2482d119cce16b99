import { BILL_METHOD_LABELS, BILL_METHODS, type TApiCustomerDefaults, type TWizardCarrier, type TWizardProfileChoices } from '@linedesk/domain';
import { Alert, Badge, Button, Code, Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '../../components/common/form-alert';
import { ErrorAlert, LoadingState, Panel } from '../../components/common/status-state';
import { useApiCustomerDefaults, useSaveApiCustomerDefaults } from '../../hooks/api/integrations';
import { useProfileChoices, useWizardCarriers } from '../../hooks/api/wizard';
import { focusFirstInvalid, serverFieldErrors } from '../../lib/form-errors';
import { IntegrationSection } from './integration-section';

/** A select's value for "nothing chosen" (the setting's null). */
const NONE = '';
const CUSTOMER_PATH = '/tmf-api/customerManagement/v4/customer';
const FIELDS = ['carrierCode', 'billProfileCode', 'billMethod'] as const;

/**
 * Admin: what a customer created through TMF629 gets when its request names no carrier, bill profile
 * or bill method. The choices are the wizard's: active carriers and bill profiles.
 */
export function ApiCustomerDefaultsSection() {
  const defaults = useApiCustomerDefaults();
  const carriers = useWizardCarriers();
  const choices = useProfileChoices();
  const isSet = defaults.data ? defaults.data.carrierCode !== null : null;

  return (
    <IntegrationSection
      title="Defaults for customers created through the API"
      description={
        <>
          The carrier, bill profile and bill method of a customer created with <Code>POST {CUSTOMER_PATH}</Code> whose request names no{' '}
          <Code>carrier</Code>, <Code>billProfile</Code> or <Code>billMethod</Code> characteristic.
        </>
      }
      aside={
        isSet !== null && (
          <Badge color={isSet ? 'green' : 'gray'} variant="dot" radius="sm" tt="none" fw={600} size="lg">
            {isSet ? 'Set' : 'Not set'}
          </Badge>
        )
      }
    >
      {defaults.isPending || carriers.isPending || choices.isPending ? (
        <Panel>
          <LoadingState label="Loading the defaults" />
        </Panel>
      ) : defaults.isError ? (
        <ErrorAlert error={defaults.error} onRetry={() => void defaults.refetch()} title="Could not load the defaults" />
      ) : carriers.isError ? (
        <ErrorAlert error={carriers.error} onRetry={() => void carriers.refetch()} title="Could not load the carriers" />
      ) : choices.isError ? (
        <ErrorAlert error={choices.error} onRetry={() => void choices.refetch()} title="Could not load the bill profiles" />
      ) : (
        // Keyed on what is stored: saved elsewhere (another tab), the form starts again from it.
        <DefaultsForm key={JSON.stringify(defaults.data)} initial={defaults.data} carriers={carriers.data} billProfiles={choices.data.billProfiles} />
      )}
    </IntegrationSection>
  );
}

type BillProfileChoice = TWizardProfileChoices['billProfiles'][number];

function DefaultsForm({ initial, carriers, billProfiles }: { initial: TApiCustomerDefaults; carriers: TWizardCarrier[]; billProfiles: BillProfileChoice[] }) {
  const save = useSaveApiCustomerDefaults();
  const [draft, setDraft] = useState(initial);
  const fieldErrors = serverFieldErrors(save.error);
  const alertId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const changed = FIELDS.filter((field) => draft[field] !== initial[field]).length;
  // A refusal the fields below already explain needs no banner (the server's reason only lists them).
  const named = Object.keys(fieldErrors);
  const explainedByFields = named.length > 0 && named.every((field) => (FIELDS as readonly string[]).includes(field));

  const carrier = carriers.find((c) => c.code === draft.carrierCode) ?? null;
  const profileName = (code: string | null) => billProfiles.find((p) => p.code === code)?.name ?? code;
  // What "the default" resolves to, so the admin sees what a customer will actually get.
  const effectiveProfileCode = draft.billProfileCode ?? carrier?.defaultBillProfileCode ?? null;
  const effectiveProfile = billProfiles.find((p) => p.code === effectiveProfileCode) ?? null;

  const carrierOptions = [
    { value: NONE, label: 'Not set' },
    ...carriers.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` })),
    ...stale(draft.carrierCode, carriers),
  ];
  const profileOptions = [
    {
      value: NONE,
      label: carrier ? `The carrier’s default${carrier.defaultBillProfileCode ? ` (${profileName(carrier.defaultBillProfileCode)})` : ', none set'}` : 'Not set',
    },
    ...billProfiles.map((p) => ({ value: p.code, label: `${p.name} (${p.code})` })),
    ...stale(draft.billProfileCode, billProfiles),
  ];
  const methodOptions = [
    { value: NONE, label: effectiveProfile ? `The bill profile’s default (${BILL_METHOD_LABELS[effectiveProfile.defaultBillMethod]})` : 'Not set' },
    ...BILL_METHODS.map((method) => ({ value: method, label: BILL_METHOD_LABELS[method] })),
  ];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(draft, {
      onSuccess: (saved) => {
        setDraft(saved);
        notifications.show({
          color: 'green',
          title: 'Defaults saved',
          message: saved.carrierCode
            ? 'Customers created through the API without these characteristics get them from now on.'
            : 'Customers created through the API must now name their carrier.',
        });
      },
    });
  };
  // After a refusal, to the field the server named, else to its reason: in an effect, so the field
  // is already marked invalid (a callback of the mutation may run before that render).
  useEffect(() => {
    if (!save.error) return;
    if (Object.keys(serverFieldErrors(save.error)).length > 0) focusFirstInvalid(formRef.current);
    else document.getElementById(alertId)?.focus();
  }, [save.error, alertId]);

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Defaults for customers created through the API">
      <Panel>
        <Stack gap="md" p="lg">
          {/* Out of the layout until there is something to say (the Stack's gap would show an empty row). */}
          <div id={alertId} tabIndex={-1} style={{ outline: 'none', display: save.error && !explainedByFields ? undefined : 'none' }}>
            <FormAlert error={explainedByFields ? null : save.error} />
          </div>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <NativeSelect
              label="Carrier"
              data={carrierOptions}
              value={draft.carrierCode ?? NONE}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setDraft((prev) => ({ ...prev, carrierCode: value === NONE ? null : value }));
              }}
              error={fieldErrors.carrierCode}
            />
            <NativeSelect
              label="Bill Profile"
              data={profileOptions}
              value={draft.billProfileCode ?? NONE}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setDraft((prev) => ({ ...prev, billProfileCode: value === NONE ? null : value }));
              }}
              error={fieldErrors.billProfileCode}
            />
            <NativeSelect
              label="Bill Method"
              data={methodOptions}
              value={draft.billMethod ?? NONE}
              onChange={(event) => {
                const value = event.currentTarget.value;
                const method = BILL_METHODS.find((m) => m === value);
                setDraft((prev) => ({ ...prev, billMethod: method ?? null }));
              }}
              error={fieldErrors.billMethod}
            />
          </SimpleGrid>
          {draft.carrierCode === null ? (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="No default carrier">
              A customer created through the API must then name its <Code>carrier</Code> (and its <Code>billProfile</Code> unless the
              carrier has a default one) as characteristics; a request without them is refused with 400 and the field it lacks.
            </Alert>
          ) : (
            <Text fz="xs" c="dimmed">
              Used only when the request names no carrier: a request that names its carrier gets that carrier’s default bill profile, and
              its bill profile’s bill method, unless it names them too.
            </Text>
          )}
        </Stack>
        <Group justify="space-between" wrap="wrap" px="lg" py="sm" style={{ borderTop: '1px solid var(--ld-border)' }} bg="var(--mantine-color-gray-0)">
          <Text fz="sm" c="dimmed" aria-live="polite">
            {changed === 0 ? 'No unsaved changes' : changed === 1 ? '1 unsaved change' : `${changed} unsaved changes`}
          </Text>
          <Group gap="sm">
            <Button
              variant="default"
              disabled={changed === 0 || save.isPending}
              onClick={() => {
                save.reset();
                setDraft(initial);
              }}
            >
              Discard changes
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save defaults
            </Button>
          </Group>
        </Group>
      </Panel>
    </form>
  );
}

/** A stored code no longer among the active choices still shows, marked, so the admin sees and can replace it. */
function stale(code: string | null, choices: readonly { code: string }[]): { value: string; label: string }[] {
  return code && !choices.some((choice) => choice.code === code) ? [{ value: code, label: `${code} (not active)` }] : [];
}
