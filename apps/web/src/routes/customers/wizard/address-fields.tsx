import { suggestAddress, US_STATES, type TAddress } from '@linedesk/domain';
import { Alert, Button, Grid, Group, Select, Text, TextInput } from '@mantine/core';
import { IconMapPinCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { zipQueryOptions, useZipLookup } from '../../../hooks/api/wizard';
import type { StepForm } from './use-step-form';

/** An address as a form holds it: every part a string. */
export type AddressForm = { line1: string; line2: string; city: string; state: string | null; zip: string; zip4: string };

export const EMPTY_ADDRESS: AddressForm = { line1: '', line2: '', city: '', state: null, zip: '', zip4: '' };

export function addressForm(address: TAddress | null | undefined): AddressForm {
  if (!address) return { ...EMPTY_ADDRESS };
  return { line1: address.line1, line2: address.line2 ?? '', city: address.city, state: address.state, zip: address.zip, zip4: address.zip4 ?? '' };
}

/** The API's address input: blank optional parts are null (the schema turns '' into null as well). */
export function addressInput(address: AddressForm) {
  return { line1: address.line1, line2: address.line2, city: address.city, state: address.state ?? '', zip: address.zip, zip4: address.zip4 };
}

const STATE_OPTIONS = US_STATES.map((state) => ({ value: state.code, label: `${state.code} · ${state.name}` }));

type FormLike = Pick<StepForm<unknown>, 'text' | 'select' | 'setField' | 'patch' | 'errors' | 'wasLeft'>;

type Props = {
  form: FormLike;
  /** Where the address sits in the form: "serviceAddress", "portIn.address". */
  path: string;
  address: AddressForm;
  autoFocus?: boolean;
  /** Extra words for the street line's description (a PO box is refused on a service address). */
  streetDescription?: string;
};

/**
 * Street, unit, ZIP (which fills the city and state), city and state. Offers the USPS-style
 * spelling of the street lines when it differs from what was typed.
 */
export function AddressFields({ form, path, address, autoFocus, streetDescription }: Props) {
  const queryClient = useQueryClient();
  const at = (part: keyof AddressForm) => `${path}.${part}`;
  const zip = useZipLookup(address.zip);
  const suggestion = address.line1.trim() ? suggestAddress({ line1: address.line1, line2: address.line2 }) : null;
  const offerSuggestion = suggestion?.changed === true && form.wasLeft(at('line1')) && !form.errors[at('line1')];

  function changeZip(value: string) {
    const next = value.replace(/[^\d]/g, '').slice(0, 5);
    form.setField(at('zip'), next);
    if (!/^\d{5}$/.test(next)) return;
    // The ZIP names the city and state: fill them when the agent has not typed others.
    void queryClient.fetchQuery(zipQueryOptions(next)).then(
      (found) => {
        if (!found) return;
        form.patch((get) => (get(at('zip')) === next ? { [at('city')]: found.city, [at('state')]: found.state } : null));
      },
      () => undefined,
    );
  }

  const zipHint = zip.data ? `${zip.data.city}, ${zip.data.state}` : zip.data === null ? 'ZIP not in the reference: enter the city and state' : undefined;

  return (
    <>
      <TextInput
        label="Street address"
        withAsterisk
        autoComplete="off"
        placeholder="123 Main St"
        description={streetDescription}
        autoFocus={autoFocus}
        {...form.text(at('line1'))}
      />
      <TextInput label="Apartment, suite or unit" autoComplete="off" placeholder="Optional" {...form.text(at('line2'))} />
      {offerSuggestion && suggestion && (
        <Alert role="status" color="blue" variant="light" icon={<IconMapPinCheck size={18} aria-hidden />} py="xs">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Text fz="sm">
              Suggested: <b>{[suggestion.line1, suggestion.line2].filter(Boolean).join(', ')}</b>
            </Text>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => form.patch(() => ({ [at('line1')]: suggestion.line1, [at('line2')]: suggestion.line2 ?? '' }))}
            >
              Use suggested address
            </Button>
          </Group>
        </Alert>
      )}
      <Grid gap="sm">
        <Grid.Col span={{ base: 6, sm: 2.5 }}>
          <TextInput
            label="ZIP"
            withAsterisk
            inputMode="numeric"
            autoComplete="off"
            maxLength={5}
            {...form.text(at('zip'))}
            onChange={(event) => changeZip(event.currentTarget.value)}
            description={zipHint}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 2 }}>
          <TextInput label="ZIP+4" inputMode="numeric" autoComplete="off" maxLength={4} placeholder="Optional" {...form.text(at('zip4'))} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput label="City" withAsterisk autoComplete="off" {...form.text(at('city'))} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 3.5 }}>
          <Select label="State" withAsterisk placeholder="Choose" data={STATE_OPTIONS} searchable {...form.select(at('state'))} />
        </Grid.Col>
      </Grid>
    </>
  );
}
