import { Alert, Button, Group, Input, List, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconArrowLeft, IconArrowRight, IconRestore } from '@tabler/icons-react';
import { useId, type KeyboardEvent, type ReactNode } from 'react';
import { TitledSection } from '../../../components/common/titled-section';
import { isApiError } from '../../../lib/api-client';
import { errorReason } from '../../../lib/form-errors';

/** One titled block of a step ("Contact Information", "Service Address"), its fields in a card. */
export function StepSection({ title, description, actions, children }: { title: string; description?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <TitledSection size="md" title={title} description={description} aside={actions}>
      <Paper p="lg" style={{ borderColor: 'var(--ld-border)' }}>
        <Stack gap="md">{children}</Stack>
      </Paper>
    </TitledSection>
  );
}

type FooterProps = {
  /** Omitted on the first step. */
  onBack?: () => void;
  backLabel?: string;
  /** What the bar says beside the buttons ("Saved 2 minutes ago", "3 lines"). */
  status?: ReactNode;
  /** The primary action(s): usually the form's submit button. */
  children: ReactNode;
};

/** Back and Next, in a bar that stays at the bottom of the window while the step scrolls. */
export function WizardFooter({ onBack, backLabel = 'Back', status, children }: FooterProps) {
  return (
    <div className="ld-sticky-actions ld-wizard-footer">
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Group gap="md" wrap="nowrap">
          {onBack ? (
            <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack}>
              {backLabel}
            </Button>
          ) : (
            <span />
          )}
          {status && (
            <Text fz="xs" c="dimmed" visibleFrom="sm" aria-live="polite">
              {status}
            </Text>
          )}
        </Group>
        <Group gap="sm" wrap="nowrap">
          {children}
        </Group>
      </Group>
    </div>
  );
}

export function NextButton({ loading, label = 'Next', disabled }: { loading: boolean; label?: string; disabled?: boolean }) {
  return (
    <Button type="submit" loading={loading} disabled={disabled} rightSection={<IconArrowRight size={16} aria-hidden />}>
      {label}
    </Button>
  );
}

/** Said at the top of a step whose unsaved form came back from this tab after a reload. */
export function RestoredNotice({ onDiscard }: { onDiscard: () => void }) {
  return (
    <Alert color="blue" variant="light" icon={<IconRestore size={18} aria-hidden />} role="status">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text fz="sm">Your unsaved changes to this step were restored.</Text>
        <Button size="compact-sm" variant="subtle" onClick={onDiscard}>
          Discard them
        </Button>
      </Group>
    </Alert>
  );
}

/**
 * The refusal above a step's fields: the server's reason (unless every message is already under
 * its input) and any message whose field has no input on screen. It takes focus when nothing else can.
 */
export function StepAlert({ id, error, unshown }: { id: string; error: unknown; unshown: readonly string[] }) {
  const reason = error && !(isApiError(error) && error.fields.length > 0) ? errorReason(error) : null;
  if (!reason && unshown.length === 0) return null;
  return (
    <Alert id={id} tabIndex={-1} color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} aria-hidden />} title={reason ?? 'Check these fields'}>
      {unshown.length > 0 && (
        <List size="sm" spacing={2}>
          {unshown.map((message) => (
            <List.Item key={message}>{message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

type SegmentedFieldProps = {
  label: string;
  data: { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
  description?: ReactNode;
  fullWidth?: boolean;
};

/**
 * A labelled segmented choice (Class, Bill Method, Device source): its radio group is named by the
 * visible label alone and described by the description and message under it, and the control sits
 * under the label like any other input.
 */
export function SegmentedField({ label, data, value, onChange, error, required, description, fullWidth }: SegmentedFieldProps) {
  const id = useId();
  // Input.Wrapper names its parts from its id; with a <div> label, the id itself goes on the whole
  // wrapper (label, options and all), so the group points at the label's own id instead.
  const describedBy = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <Input.Wrapper label={label} labelElement="div" id={id} withAsterisk={required} error={error} description={description}>
      <div style={{ marginTop: 4 }}>
        <SegmentedControl aria-labelledby={`${id}-label`} aria-describedby={describedBy} data={data} value={value} onChange={onChange} fullWidth={fullWidth} />
      </div>
    </Input.Wrapper>
  );
}

/**
 * Enter in any field submits the step, as it does in text inputs: date inputs (which browsers leave
 * out of implicit submission) included. Textareas keep Enter for new lines.
 */
export function submitOnEnter(event: KeyboardEvent<HTMLFormElement>) {
  const target = event.target as HTMLElement;
  if (event.key !== 'Enter' || event.defaultPrevented || event.nativeEvent.isComposing) return;
  if (target instanceof HTMLInputElement && target.type === 'date') {
    event.preventDefault();
    event.currentTarget.requestSubmit();
  }
}

/**
 * A form with several fields and no submit button of its own is not submitted by Enter (HTML's
 * implicit submission): this invisible default button makes Enter submit it.
 */
export function EnterSubmits() {
  return <button type="submit" tabIndex={-1} aria-hidden="true" style={{ display: 'none' }} />;
}
