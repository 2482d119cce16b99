import { ActionIcon, Button, Group, Input, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useId, useRef } from 'react';
import { neighbourIds, useFocusAfterRender } from '../../../hooks/use-focus-after-render';
import type { FieldErrors } from '../../../lib/form-errors';
import { newUid } from '../common/row-uid';
import type { OptionDraft } from './property-drafts';

type Props = {
  propertyLabel: string;
  options: OptionDraft[];
  onChange: (options: OptionDraft[]) => void;
  /** Errors of this property, keyed from `options` on (`options`, `options.0.value`). */
  errors: FieldErrors;
};

/**
 * The choices of a "choice from a list" property. The column headings are the inputs' visible
 * labels: each input is named by its row number and heading ("Option 2 Value").
 */
export function PropertyOptionsEditor({ propertyLabel, options, onChange, errors }: Props) {
  const id = useId();
  const addRef = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const removeId = (option: OptionDraft) => `${id}-remove-${option.uid}`;
  const update = (uid: string, change: Partial<OptionDraft>) =>
    onChange(options.map((option) => (option.uid === uid ? { ...option, ...change } : option)));

  function remove(index: number) {
    onChange(options.filter((_, position) => position !== index));
    focusAfterRender([...neighbourIds(options, index, removeId), addRef]);
  }

  return (
    <Input.Wrapper labelElement="div" label="Choices" description="What the agent picks from. The value is stored; the label is shown." error={errors.options}>
      <Stack gap={6} mt={6}>
        {options.length > 0 && (
          <Group gap="xs" wrap="nowrap" pl={28} pr={36} aria-hidden>
            <Text id={`${id}-value`} fz="xs" fw={600} c="dimmed" style={{ flex: 1 }}>
              Value
            </Text>
            <Text id={`${id}-label`} fz="xs" fw={600} c="dimmed" style={{ flex: 2 }}>
              Label
            </Text>
          </Group>
        )}
        {options.map((option, index) => {
          const rowId = `${id}-row-${option.uid}`;
          return (
            <Group key={option.uid} gap="xs" wrap="nowrap" align="flex-start">
              <Text id={rowId} fz="xs" c="dimmed" w={20} ta="right" mt={8}>
                <VisuallyHidden>Option </VisuallyHidden>
                {index + 1}
              </Text>
              <TextInput
                aria-labelledby={`${rowId} ${id}-value`}
                size="sm"
                style={{ flex: 1 }}
                classNames={{ input: 'ld-code-input' }}
                value={option.value}
                onChange={(event) => update(option.uid, { value: event.currentTarget.value })}
                error={errors[`options.${index}.value`]}
              />
              <TextInput
                aria-labelledby={`${rowId} ${id}-label`}
                size="sm"
                style={{ flex: 2 }}
                value={option.label}
                onChange={(event) => update(option.uid, { label: event.currentTarget.value })}
                error={errors[`options.${index}.label`]}
              />
              <ActionIcon
                id={removeId(option)}
                variant="subtle"
                color="gray"
                size={36}
                aria-label={`Remove option ${index + 1}${option.label ? ` (${option.label})` : ''} from ${propertyLabel || 'this property'}`}
                onClick={() => remove(index)}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          );
        })}
        <div>
          <Button
            ref={addRef}
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => onChange([...options, { uid: newUid(), value: '', label: '' }])}
          >
            Add choice
          </Button>
        </div>
      </Stack>
    </Input.Wrapper>
  );
}
