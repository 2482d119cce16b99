import type { TMaskedSecret } from '@linedesk/domain';
import { Button, Group, Text } from '@mantine/core';
import type { ChangeEvent, ReactNode } from 'react';
import { PasswordField } from '../../../components/common/password-field';

type Props = {
  label: string;
  /** What the draft has stored (masked), if anything. */
  stored: TMaskedSecret | null | undefined;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  onBlur?: () => void;
  /** True when the stored value is to be removed on save. */
  clearing?: boolean;
  /** Offers Remove for a stored value; left out where a value must stay (a bank account, a port-out PIN). */
  onClearingChange?: (clearing: boolean) => void;
  error?: string;
  required?: boolean;
  description?: ReactNode;
  inputMode?: 'numeric' | 'text';
  placeholder?: string;
  autoFocus?: boolean;
};

/**
 * A write-only secret (SSN, Tax ID, PIN): typed masked, never shown back. What is stored appears as
 * its hint ("•••-••-1234"); leaving the input blank keeps it, Remove clears it on save.
 */
export function SecretInput(props: Props) {
  const { label, stored, value, onChange, onBlur, clearing = false, onClearingChange, error, required, description, inputMode, placeholder, autoFocus } = props;
  const isStored = stored?.isSet === true;
  const storedNote = isStored ? (
    clearing ? (
      <Group gap={6} component="span">
        <Text component="span" fz="xs" c="orange.8">
          The stored value is removed when you save.
        </Text>
        <Button variant="subtle" size="compact-xs" onClick={() => onClearingChange?.(false)}>
          Undo
        </Button>
      </Group>
    ) : (
      <Group gap={6} component="span">
        <Text component="span" fz="xs">
          Stored: <span className="ld-mono">{stored?.hint ?? '••••'}</span>. Leave blank to keep it.
        </Text>
        {onClearingChange && (
          <Button variant="subtle" size="compact-xs" color="red" onClick={() => onClearingChange(true)} aria-label={`Remove the stored ${label}`}>
            Remove
          </Button>
        )}
      </Group>
    )
  ) : null;
  return (
    <PasswordField
      label={label}
      withAsterisk={required}
      autoComplete="new-password"
      inputMode={inputMode}
      placeholder={isStored && !clearing ? 'Unchanged' : placeholder}
      description={
        storedNote || description ? (
          <>
            {storedNote}
            {storedNote && description ? ' ' : null}
            {!storedNote && description}
          </>
        ) : undefined
      }
      value={value}
      onChange={(event) => {
        if (clearing && event.currentTarget.value) onClearingChange?.(false);
        onChange(event);
      }}
      onBlur={onBlur}
      error={error}
      autoFocus={autoFocus}
    />
  );
}
