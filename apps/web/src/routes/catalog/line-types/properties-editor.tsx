import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconPlus } from '@tabler/icons-react';
import { useRef } from 'react';
import { neighbourIds, useFocusAfterRender } from '../../../hooks/use-focus-after-render';
import type { FieldErrors } from '../../../lib/form-errors';
import { PropertyCard } from './property-card';
import { emptyProperty, type PropertyDraft } from './property-drafts';

const MAX_PROPERTIES = 40;

type Props = { properties: PropertyDraft[]; onChange: (properties: PropertyDraft[]) => void; errors: FieldErrors };

/** Errors of property `index`, keyed as the card's inputs are (`key`, not `properties.2.key`). */
function errorsOf(errors: FieldErrors, index: number): FieldErrors {
  const prefix = `properties.${index}.`;
  const own: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) if (field.startsWith(prefix)) own[field.slice(prefix.length)] = message;
  return own;
}

/**
 * The inputs a line type asks for, in the order the wizard shows them. Moving or removing a card
 * re-renders the list, so focus is put back on purpose: keyboard users keep their place.
 */
export function PropertiesEditor({ properties, onChange, errors }: Props) {
  const addRef = useRef<HTMLButtonElement>(null);
  // The first candidate that exists and is enabled gets focus (a card moved to the top has "up" disabled).
  const focusAfterRender = useFocusAfterRender();

  function update(uid: string, change: Partial<PropertyDraft>) {
    onChange(properties.map((property) => (property.uid === uid ? { ...property, ...change } : property)));
  }

  function move(index: number, direction: 'up' | 'down') {
    const target = direction === 'up' ? index - 1 : index + 1;
    const moved = properties[index];
    const other = properties[target];
    if (!moved || !other) return;
    const next = [...properties];
    next[index] = other;
    next[target] = moved;
    onChange(next);
    const opposite = direction === 'up' ? 'down' : 'up';
    focusAfterRender([`${moved.uid}-${direction}`, `${moved.uid}-${opposite}`]);
  }

  function remove(index: number) {
    onChange(properties.filter((_, position) => position !== index));
    focusAfterRender([...neighbourIds(properties, index, (property) => `${property.uid}-remove`), addRef]);
  }

  function add() {
    const property = emptyProperty();
    onChange([...properties, property]);
    // Straight into the new card's first input.
    requestAnimationFrame(() => document.getElementById(`${property.uid}-card`)?.querySelector<HTMLInputElement>('input')?.focus());
  }

  return (
    <Stack gap="sm">
      <div>
        <Title order={3}>Properties</Title>
        <Text fz="sm" c="dimmed">
          What the order wizard asks for on each line of this type, in this order.
        </Text>
      </div>
      {errors.properties && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
          {errors.properties}
        </Alert>
      )}
      {properties.length === 0 && (
        <Text fz="sm" c="dimmed" py="xs">
          No properties: the wizard asks nothing extra for this line type.
        </Text>
      )}
      {properties.map((property, index) => (
        <div key={property.uid} id={`${property.uid}-card`}>
          <PropertyCard
            property={property}
            index={index}
            count={properties.length}
            onChange={(change) => update(property.uid, change)}
            onMove={(direction) => move(index, direction)}
            onRemove={() => remove(index)}
            errors={errorsOf(errors, index)}
          />
        </div>
      ))}
      <Group>
        <Button
          ref={addRef}
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          disabled={properties.length >= MAX_PROPERTIES}
          onClick={add}
        >
          Add property
        </Button>
        {properties.length >= MAX_PROPERTIES && (
          <Text fz="xs" c="dimmed">
            A line type can ask for at most {MAX_PROPERTIES} properties.
          </Text>
        )}
      </Group>
    </Stack>
  );
}
