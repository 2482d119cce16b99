import {
  FIELD_VISIBILITIES,
  PROFILE_FIELD_LABELS,
  PROFILE_FIELDS,
  type FieldVisibility,
  type ProfileField,
  type TProfileFieldSettings,
} from '@linedesk/domain';
import { Alert, Breadcrumbs, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useId, useState, type FormEvent } from 'react';
import { FormAlert } from '../../components/common/form-alert';
import { Page, PageHeader } from '../../components/common/page';
import { ErrorAlert, LoadingState, Panel } from '../../components/common/status-state';
import { useProfileFieldSettings, useSaveProfileFieldSettings } from '../../hooks/api/settings';
import { serverFieldErrors } from '../../lib/form-errors';

const VISIBILITY_LABELS: Record<FieldVisibility, string> = { hidden: 'Hidden', optional: 'Optional', required: 'Required' };
const VISIBILITY_OPTIONS = FIELD_VISIBILITIES.map((value) => ({ value, label: VISIBILITY_LABELS[value] }));

/** What each field asks for, where its label alone does not say. */
const FIELD_HINTS: Partial<Record<ProfileField, string>> = {
  accountNumber: 'Left blank, LineDesk numbers the account at Create Order.',
  agent: 'The dealer or reseller the sale is credited to.',
  securityPin: 'Asked before changes are made over the phone. Stored encrypted, shown masked.',
  contractDates: 'The contract term, for early-termination questions.',
  paymentTerms: "Overrides the bill profile's payment terms.",
  accountType: 'Standard, Parent or Child; a Child account names its parent.',
  taxExempt: 'With the exemption certificate number.',
  taxIdentity: 'Stored encrypted, shown masked.',
  dateOfBirth: 'The account holder must be 18 or older.',
};

/** Admin: which optional fields the New Customer Wizard's Customer Profile step shows, and which it requires. */
export function CustomerProfileSettingsPage() {
  const settings = useProfileFieldSettings();
  return (
    <Page size={960}>
      <Breadcrumbs separator="›" fz="sm">
        <Text fz="sm" c="dimmed">
          Settings
        </Text>
        <Text fz="sm" c="dimmed" aria-current="page">
          Customer Profile
        </Text>
      </Breadcrumbs>
      <PageHeader
        title="Customer Profile fields"
        description="Choose which fields the New Customer Wizard's Customer Profile step shows, and which must be filled in."
      />
      {settings.isPending ? (
        <Panel>
          <LoadingState label="Loading the settings" />
        </Panel>
      ) : settings.isError ? (
        <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} title="Could not load the settings" />
      ) : (
        <SettingsForm initial={settings.data} />
      )}
    </Page>
  );
}

function SettingsForm({ initial }: { initial: TProfileFieldSettings }) {
  const save = useSaveProfileFieldSettings();
  // What is stored (the form compares against it) and what is on screen.
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState(initial);
  const changed = PROFILE_FIELDS.filter((field) => draft[field] !== saved[field]);
  const fieldErrors = serverFieldErrors(save.error);
  const alertId = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(draft, {
      onSuccess: (stored) => {
        setSaved(stored);
        setDraft(stored);
        notifications.show({
          color: 'green',
          title: 'Customer Profile fields saved',
          message: 'The wizard uses them from the next Customer Profile step opened.',
        });
      },
      onError: () => document.getElementById(alertId)?.focus(),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Alert color="brand" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
          Class, Bill Profile, Bill Method (with its email) and Sales Person are always on the page and always required. SSN and date of
          birth apply to residential customers only, Tax ID to business customers.
        </Alert>
        <div id={alertId} tabIndex={-1} style={{ outline: 'none' }}>
          <FormAlert error={save.error} />
        </div>
        <Panel>
          <Stack gap={0}>
            {PROFILE_FIELDS.map((field, index) => (
              <FieldRow
                key={field}
                field={field}
                value={draft[field]}
                changed={draft[field] !== saved[field]}
                error={fieldErrors[field]}
                first={index === 0}
                onChange={(value) => setDraft((prev) => ({ ...prev, [field]: value }))}
              />
            ))}
          </Stack>
        </Panel>
        <Group className="ld-sticky-actions" justify="space-between" wrap="wrap">
          <Text fz="sm" c="dimmed" aria-live="polite">
            {changed.length === 0 ? 'No unsaved changes' : changed.length === 1 ? '1 unsaved change' : `${changed.length} unsaved changes`}
          </Text>
          <Group gap="sm">
            <Button variant="default" disabled={changed.length === 0 || save.isPending} onClick={() => setDraft(saved)}>
              Discard changes
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

function FieldRow({
  field,
  value,
  changed,
  error,
  first,
  onChange,
}: {
  field: ProfileField;
  value: FieldVisibility;
  changed: boolean;
  error: string | undefined;
  first: boolean;
  onChange: (value: FieldVisibility) => void;
}) {
  const labelId = useId();
  const hintId = useId();
  const errorId = useId();
  const hint = FIELD_HINTS[field];
  return (
    <Group
      justify="space-between"
      align="center"
      wrap="wrap"
      gap="md"
      px="lg"
      py="sm"
      style={{ borderTop: first ? undefined : '1px solid var(--ld-border)' }}
    >
      <div style={{ minWidth: 0, flex: '1 1 260px' }}>
        <Group gap={6}>
          <Text id={labelId} fz="sm" fw={600}>
            {PROFILE_FIELD_LABELS[field]}
          </Text>
          {changed && (
            <Text span fz="xs" c="brand.7" fw={600}>
              · changed
            </Text>
          )}
        </Group>
        {hint && (
          <Text id={hintId} fz="xs" c="dimmed" mt={2}>
            {hint}
          </Text>
        )}
        {error && (
          <Text id={errorId} fz="xs" c="red.7" mt={2}>
            {error}
          </Text>
        )}
      </div>
      <SegmentedControl
        data={VISIBILITY_OPTIONS}
        value={value}
        onChange={(next) => {
          const picked = VISIBILITY_OPTIONS.find((option) => option.value === next);
          if (picked) onChange(picked.value);
        }}
        aria-labelledby={labelId}
        aria-describedby={[hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined}
        color={value === 'required' ? 'brand' : value === 'hidden' ? 'gray' : undefined}
        size="sm"
        withItemsBorders={false}
      />
    </Group>
  );
}
