import { ORDER_TYPE_LABELS, ORDER_TYPES, type OrderType } from '@linedesk/domain';
import { Button, Checkbox, Group, NumberInput, SimpleGrid, Text, TextInput, type TextInputProps } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { AppPath } from '../../../components/nav/nav-items';

type CodeFieldProps = {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** Codes never change once saved (imports find records by them). */
  locked: boolean;
  label?: string;
  description?: string;
  /** Focus on mount: on a page (React's autoFocus) as well as in a drawer (Mantine's `data-autofocus`). */
  autoFocus?: boolean;
};

export function CodeField({ value, onChange, error, locked, label = 'Code', description, autoFocus }: CodeFieldProps) {
  const rule = locked ? 'Cannot be changed once saved.' : 'Letters, digits, - or _. Cannot be changed once saved.';
  return (
    <TextInput
      label={label}
      description={description ? `${description} ${rule}` : rule}
      autoComplete="off"
      spellCheck={false}
      autoFocus={autoFocus}
      data-autofocus={autoFocus || undefined}
      classNames={{ input: 'ld-code-input' }}
      value={value}
      readOnly={locked}
      variant={locked ? 'filled' : 'default'}
      onChange={(event) => onChange(event.currentTarget.value.toUpperCase())}
      error={error}
    />
  );
}

/** A plain text input bound to a string, for the many name-like fields of the catalog forms. */
export function TextField(props: Omit<TextInputProps, 'onChange' | 'value'> & { value: string; onChange: (value: string) => void }) {
  const { onChange, ...rest } = props;
  return <TextInput autoComplete="off" onChange={(event) => onChange(event.currentTarget.value)} {...rest} />;
}

/** A dollar amount typed as text ("12.50"); the form turns it into cents on submit. */
export function MoneyField(props: Omit<TextInputProps, 'onChange'> & { onChange: (value: string) => void }) {
  const { onChange, ...rest } = props;
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      placeholder="0.00"
      leftSection={<Text fz="sm" c="dimmed" aria-hidden>$</Text>}
      onChange={(event) => onChange(event.currentTarget.value)}
      {...rest}
    />
  );
}

/** A per-minute rate in dollars with up to five decimals ("0.0125"); sent as millicents. */
export function RateField(props: Omit<TextInputProps, 'onChange'> & { onChange: (value: string) => void }) {
  const { onChange, ...rest } = props;
  return (
    <MoneyField
      placeholder="0.0000"
      rightSection={<Text fz="xs" c="dimmed" aria-hidden>/min</Text>}
      rightSectionWidth={44}
      onChange={onChange}
      {...rest}
    />
  );
}

/** A NumberInput's value comes back as a number or "" (blank); blank reads as `blank`. */
export function readNumber(value: number | string, blank: number | null): number | null {
  if (value === '' || value === null) return blank;
  return typeof value === 'number' ? value : Number(value);
}

export function DisplayOrderField({ value, onChange, error }: { value: number | string; onChange: (value: number | string) => void; error?: string }) {
  return (
    <NumberInput
      label="Display order"
      description="Lower numbers are listed first."
      allowDecimal={false}
      allowNegative={false}
      min={0}
      max={100_000}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}

type OrderTypesProps = {
  label?: string;
  description?: ReactNode;
  value: OrderType[];
  onChange: (value: OrderType[]) => void;
  /** Which order types to offer; all of them by default. */
  options?: readonly OrderType[];
  error?: string;
};

/** Order types as checkboxes in the declared order, with quick "New and Conversion" / "All" helpers. */
export function OrderTypesField({ label = 'Order types', description, value, onChange, options = ORDER_TYPES, error }: OrderTypesProps) {
  const ordered = (next: string[]) => options.filter((type) => next.includes(type));
  return (
    <Checkbox.Group label={label} description={description} value={value} onChange={(next) => onChange(ordered(next))} error={error}>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" verticalSpacing="xs" mt={8}>
        {options.map((type) => (
          <Checkbox key={type} value={type} label={ORDER_TYPE_LABELS[type]} />
        ))}
      </SimpleGrid>
      {options.length > 2 && (
        <Group gap={4} mt={6}>
          <Button variant="subtle" size="compact-xs" onClick={() => onChange([...options])}>
            Select all
          </Button>
          <Button variant="subtle" size="compact-xs" color="gray" onClick={() => onChange([])}>
            Clear
          </Button>
        </Group>
      )}
    </Checkbox.Group>
  );
}

/** Cancel and submit, right-aligned at the end of a drawer or modal form. */
export function FormActions({ onCancel, submitLabel, loading }: { onCancel: () => void; submitLabel: string; loading: boolean }) {
  return (
    <Group justify="flex-end" gap="sm" mt="xs">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={loading}>
        {submitLabel}
      </Button>
    </Group>
  );
}

/** Cancel and save for a full-page editor, in a bar that stays at the bottom of the window. */
export function EditorActions({ cancelTo, submitLabel, loading }: { cancelTo: AppPath; submitLabel: string; loading: boolean }) {
  return (
    <div className="ld-sticky-actions">
      <Group justify="flex-end" gap="sm">
        <Button component={Link} to={cancelTo} variant="default">
          Cancel
        </Button>
        <Button type="submit" loading={loading}>
          {submitLabel}
        </Button>
      </Group>
    </div>
  );
}
