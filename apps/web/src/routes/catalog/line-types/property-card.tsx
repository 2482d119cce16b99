import { PROPERTY_KINDS, type PropertyKind } from '@linedesk/domain';
import { ActionIcon, Badge, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import type { FieldErrors } from '../../../lib/form-errors';
import { PropertyOptionsEditor } from './property-options-editor';
import { keyFromLabel, PROPERTY_KIND_LABELS, TEXT_LIKE_KINDS, type PropertyDraft } from './property-drafts';

const KIND_OPTIONS = PROPERTY_KINDS.map((kind) => ({ value: kind, label: PROPERTY_KIND_LABELS[kind] }));
const isKind = (value: string): value is PropertyKind => (PROPERTY_KINDS as readonly string[]).includes(value);

type Props = {
  property: PropertyDraft;
  index: number;
  count: number;
  onChange: (change: Partial<PropertyDraft>) => void;
  onMove: (direction: 'up' | 'down') => void;
  onRemove: () => void;
  /** This property's errors with the `properties.N.` prefix taken off. */
  errors: FieldErrors;
};

/** One input a line type asks for in the wizard: what it is called, what it accepts, and its rules. */
export function PropertyCard({ property, index, count, onChange, onMove, onRemove, errors }: Props) {
  const name = property.label.trim() || `property ${index + 1}`;
  const textLike = TEXT_LIKE_KINDS.includes(property.kind);

  return (
    <Paper p="md" style={{ borderColor: 'var(--ld-border)' }} component="section" aria-label={`Property ${index + 1}: ${name}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Badge variant="light" color="gray" radius="sm" tt="none">
              {index + 1}
            </Badge>
            <Text fw={600} fz="sm" truncate>
              {property.label.trim() || 'New property'}
            </Text>
            {property.key && (
              <Text className="ld-mono" c="dimmed">
                {property.key}
              </Text>
            )}
          </Group>
          <Group gap={2} wrap="nowrap">
            <Tooltip label="Move up" openDelay={400}>
              <ActionIcon
                id={`${property.uid}-up`}
                variant="subtle"
                color="gray"
                aria-label={`Move ${name} up`}
                disabled={index === 0}
                onClick={() => onMove('up')}
              >
                <IconArrowUp size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Move down" openDelay={400}>
              <ActionIcon
                id={`${property.uid}-down`}
                variant="subtle"
                color="gray"
                aria-label={`Move ${name} down`}
                disabled={index === count - 1}
                onClick={() => onMove('down')}
              >
                <IconArrowDown size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Remove" openDelay={400}>
              <ActionIcon id={`${property.uid}-remove`} variant="subtle" color="red" aria-label={`Remove ${name}`} onClick={onRemove}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
          <TextInput
            label="Label"
            description="What the agent sees."
            autoComplete="off"
            value={property.label}
            onChange={(event) => {
              const label = event.currentTarget.value;
              onChange(property.keyEdited ? { label } : { label, key: keyFromLabel(label) });
            }}
            error={errors.label}
          />
          <TextInput
            label="Key"
            description="Where the answer is stored, in camelCase."
            autoComplete="off"
            spellCheck={false}
            classNames={{ input: 'ld-code-input' }}
            value={property.key}
            onChange={(event) => onChange({ key: event.currentTarget.value, keyEdited: true })}
            error={errors.key}
          />
          <NativeSelect
            label="Kind"
            data={KIND_OPTIONS}
            value={property.kind}
            onChange={(event) => {
              const kind = event.currentTarget.value;
              if (isKind(kind)) onChange({ kind });
            }}
            error={errors.kind}
          />
          <Switch
            label="Required"
            description={property.kind === 'boolean' ? 'A yes/no question always has an answer.' : 'The order cannot go on without it.'}
            mt={{ sm: 26 }}
            disabled={property.kind === 'boolean'}
            checked={property.kind !== 'boolean' && property.required}
            onChange={(event) => onChange({ required: event.currentTarget.checked })}
            error={errors.required}
          />
        </SimpleGrid>

        {property.kind === 'select' && (
          <PropertyOptionsEditor
            propertyLabel={property.label}
            options={property.options}
            onChange={(options) => onChange({ options })}
            errors={errors}
          />
        )}

        {textLike && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
            <TextInput
              label="Pattern"
              description="Optional regular expression the answer must match."
              placeholder="^[A-Z0-9]+$"
              autoComplete="off"
              spellCheck={false}
              classNames={{ input: 'ld-code-input' }}
              value={property.pattern}
              onChange={(event) => onChange({ pattern: event.currentTarget.value })}
              error={errors.pattern}
            />
            <TextInput
              label="Pattern message"
              description="Shown when the pattern does not match."
              autoComplete="off"
              value={property.patternMessage}
              onChange={(event) => onChange({ patternMessage: event.currentTarget.value })}
              error={errors.patternMessage}
            />
            <LimitInput label="Minimum length" value={property.minLength} onChange={(minLength) => onChange({ minLength })} error={errors.minLength} />
            <LimitInput label="Maximum length" value={property.maxLength} onChange={(maxLength) => onChange({ maxLength })} error={errors.maxLength} />
          </SimpleGrid>
        )}

        {property.kind === 'number' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
            <LimitInput label="Minimum" allowDecimal value={property.min} onChange={(min) => onChange({ min })} error={errors.min} />
            <LimitInput label="Maximum" allowDecimal value={property.max} onChange={(max) => onChange({ max })} error={errors.max} />
          </SimpleGrid>
        )}

        <TextInput
          label="Help text"
          description="Optional hint shown under the input."
          autoComplete="off"
          value={property.helpText}
          onChange={(event) => onChange({ helpText: event.currentTarget.value })}
          error={errors.helpText}
        />
      </Stack>
    </Paper>
  );
}

type LimitProps = { label: string; value: number | string; onChange: (value: number | string) => void; error?: string; allowDecimal?: boolean };

function LimitInput({ label, value, onChange, error, allowDecimal = false }: LimitProps) {
  return (
    <NumberInput
      label={label}
      placeholder="No limit"
      allowDecimal={allowDecimal}
      allowNegative={allowDecimal}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
