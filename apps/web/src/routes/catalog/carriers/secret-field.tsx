import type { TMaskedSecret } from '@linedesk/domain';
import { Button, Group, Input, Stack, Text } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useId } from 'react';
import { PasswordField } from '../../../components/common/password-field';
import { useFocusAfterRender } from '../../../hooks/use-focus-after-render';

/** What the form will do with a stored secret: keep it (the key is left out), replace it, or clear it (null). */
export type SecretDraft = { mode: 'keep' } | { mode: 'replace'; value: string } | { mode: 'clear' };

/** The provisioning input's value for one secret; undefined leaves the key out so the server keeps it. */
export function secretPayload(draft: SecretDraft): string | null | undefined {
  if (draft.mode === 'clear') return null;
  if (draft.mode === 'replace') return draft.value === '' ? undefined : draft.value;
  return undefined;
}

type Props = {
  label: string;
  description: string;
  /** The stored secret as the server shows it; null for a carrier not saved yet. */
  stored: TMaskedSecret | null;
  value: SecretDraft;
  onChange: (value: SecretDraft) => void;
  error?: string;
};

/**
 * A write-only secret. Its value never comes back from the server, so the field shows whether one
 * is set (and its last characters) and offers Replace or Clear; it is never prefilled.
 */
export function SecretField({ label, description, stored, value, onChange, error }: Props) {
  const inputId = useId();
  const ids = { replace: `${inputId}-replace`, clear: `${inputId}-clear`, undo: `${inputId}-undo` };
  const isSet = stored?.isSet ?? false;
  // Each button swaps the field's view, taking the focused button away: focus goes to its counterpart.
  const focusAfterRender = useFocusAfterRender();
  const change = (next: SecretDraft, focus: string[]) => {
    onChange(next);
    focusAfterRender(focus);
  };

  if (stored === null || value.mode === 'replace') {
    return (
      <Stack gap={4}>
        <PasswordField
          id={inputId}
          label={stored === null ? label : `New ${label.toLowerCase()}`}
          description={stored === null ? `${description} Optional; you can set it later.` : description}
          autoComplete="new-password"
          value={value.mode === 'replace' ? value.value : ''}
          onChange={(event) => onChange({ mode: 'replace', value: event.currentTarget.value })}
          error={error}
        />
        {stored !== null && (
          <div>
            <Button variant="subtle" size="compact-xs" color="gray" onClick={() => change({ mode: 'keep' }, [ids.replace])}>
              Keep the current {label.toLowerCase()}
            </Button>
          </div>
        )}
      </Stack>
    );
  }

  const state =
    value.mode === 'clear'
      ? { text: 'Will be cleared when you save', color: 'red' }
      : isSet
        ? { text: `Set${stored.hint ? ` · ends in …${stored.hint.replace(/^…/, '')}` : ''}`, color: undefined }
        : { text: 'Not set', color: 'dimmed' };

  return (
    <Input.Wrapper labelElement="div" label={label} description={description} error={error}>
      <Group justify="space-between" mt={6} wrap="nowrap">
        <Group gap={8} wrap="nowrap">
          <IconKey size={16} color="var(--mantine-color-gray-6)" aria-hidden />
          <Text fz="sm" c={state.color} aria-live="polite">
            {state.text}
          </Text>
        </Group>
        <Group gap={4} wrap="nowrap">
          {value.mode === 'clear' ? (
            <Button id={ids.undo} variant="default" size="xs" onClick={() => change({ mode: 'keep' }, [ids.clear, ids.replace])}>
              Undo clear
            </Button>
          ) : (
            <>
              <Button
                id={ids.replace}
                variant="default"
                size="xs"
                aria-label={`${isSet ? 'Replace' : 'Set'} ${label.toLowerCase()}`}
                onClick={() => change({ mode: 'replace', value: '' }, [inputId])}
              >
                {isSet ? 'Replace' : 'Set'}
              </Button>
              {isSet && (
                <Button
                  id={ids.clear}
                  variant="subtle"
                  color="red"
                  size="xs"
                  aria-label={`Clear ${label.toLowerCase()}`}
                  onClick={() => change({ mode: 'clear' }, [ids.undo])}
                >
                  Clear
                </Button>
              )}
            </>
          )}
        </Group>
      </Group>
    </Input.Wrapper>
  );
}
