import { parseDollarsToCents, type TStockChoices } from '@linedesk/domain';
import { Autocomplete, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { MoneyField, TextField } from '../catalog/common/fields';

/** What describes stock besides its identifiers, as typed (cost in dollars). */
export type StockFieldValues = {
  make: string;
  model: string;
  location: string;
  agentCode: string | null;
  cost: string;
  receivedOn: string;
  purchaseOrder: string;
};

export const EMPTY_STOCK_FIELDS: StockFieldValues = { make: '', model: '', location: '', agentCode: null, cost: '', receivedOn: '', purchaseOrder: '' };

/** The cost as typed, in cents: null when blank; an error when it is not an amount in dollars. */
export function readCost(text: string): { ok: true; cents: number | null } | { ok: false; message: string } {
  const trimmed = text.replace(/,/g, '').trim();
  if (trimmed === '') return { ok: true, cents: null };
  const cents = parseDollarsToCents(trimmed);
  return cents === null || cents < 0 ? { ok: false, message: 'Enter the cost in dollars, e.g. 419.00' } : { ok: true, cents };
}

type Props = {
  values: StockFieldValues;
  onChange: (patch: Partial<StockFieldValues>) => void;
  choices: TStockChoices | undefined;
  errors: Partial<Record<string, string>>;
  makeModelHint?: string;
  withReceivedOn?: boolean;
  autoFocus?: boolean;
};

/** Make, model, location, agent, cost, received date and purchase order: for Receive and for editing an item. */
export function StockFields({ values, onChange, choices, errors, makeModelHint, withReceivedOn, autoFocus }: Props) {
  const agentOptions = (choices?.agents ?? []).map((agent) => ({ value: agent.code, label: `${agent.name} (${agent.code})` }));
  if (values.agentCode && !agentOptions.some((option) => option.value === values.agentCode)) agentOptions.push({ value: values.agentCode, label: values.agentCode });
  return (
    <>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextField label="Make" placeholder="e.g. Aurora" value={values.make} onChange={(make) => onChange({ make })} error={errors.make} maxLength={80} autoFocus={autoFocus} />
        <TextField label="Model" placeholder="e.g. Aurora X5 128 GB" value={values.model} onChange={(model) => onChange({ model })} error={errors.model} maxLength={120} />
      </SimpleGrid>
      {makeModelHint && (
        <Text fz="xs" c="dimmed" mt={-8}>
          {makeModelHint}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Autocomplete
          label="Location"
          placeholder="e.g. Elm Street store"
          data={choices?.locations ?? []}
          value={values.location}
          onChange={(location) => onChange({ location })}
          error={errors.location}
          maxLength={80}
          autoComplete="off"
        />
        <Select
          label="Agent"
          placeholder="None"
          data={agentOptions}
          value={values.agentCode}
          onChange={(agentCode) => onChange({ agentCode })}
          searchable
          clearable
          nothingFoundMessage="No agent matches"
          error={errors.agentCode}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: withReceivedOn ? 3 : 2 }} spacing="sm">
        <MoneyField label="Cost" value={values.cost} onChange={(cost) => onChange({ cost })} error={errors.cost ?? errors.costCents} />
        {withReceivedOn && (
          <TextInput label="Received" type="date" value={values.receivedOn} onChange={(event) => onChange({ receivedOn: event.currentTarget.value })} error={errors.receivedOn} />
        )}
        <TextField label="Purchase order" placeholder="e.g. PO-NWM-2211" value={values.purchaseOrder} onChange={(purchaseOrder) => onChange({ purchaseOrder })} error={errors.purchaseOrder} maxLength={60} />
      </SimpleGrid>
    </>
  );
}
