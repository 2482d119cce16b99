import { ZCountryRate } from '@linedesk/domain';
import { Alert, Button, Group, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertCircle, IconPlus, IconSearch } from '@tabler/icons-react';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { neighbourIds, useFocusAfterRender } from '../../../hooks/use-focus-after-render';
import { readMillicents } from '../../../lib/money-input';
import type { FieldErrors } from '../../../lib/form-errors';
import { RateField } from '../common/fields';
import { newUid } from '../common/row-uid';
import { RemoveRowButton } from '../common/remove-row-button';

export type RateDraft = { uid: string; countryCode: string; countryName: string; rate: string };

type Props = { rates: RateDraft[]; onChange: (rates: RateDraft[]) => void; errors: FieldErrors };

const EMPTY_NEW = { countryCode: '', countryName: '', rate: '' };

/**
 * Per-country rates: a small form adds a country, the table edits each rate in place. The table's
 * inputs are named by their row's country and the column ("Mexico Per-minute rate").
 */
export function InternationalRatesEditor({ rates, onChange, errors }: Props) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const [draft, setDraft] = useState(EMPTY_NEW);
  const [draftErrors, setDraftErrors] = useState<FieldErrors>({});
  const codeRef = useRef<HTMLInputElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const removeId = (rate: RateDraft) => `${id}-remove-${rate.uid}`;

  const needle = filter.trim().toLowerCase();
  // Keeps each row's position in the full list: server errors point at it (`internationalRates.4.…`).
  const shown = rates
    .map((rate, index) => ({ rate, index }))
    .filter(({ rate }) => !needle || rate.countryName.toLowerCase().includes(needle) || rate.countryCode.toLowerCase().includes(needle));

  function add() {
    const millicents = readMillicents(draft.rate);
    const parsed = ZCountryRate.safeParse({ countryCode: draft.countryCode, countryName: draft.countryName, perMinuteMillicents: millicents.value });
    const problems: FieldErrors = {};
    if (!parsed.success) for (const issue of parsed.error.issues) problems[String(issue.path[0])] ??= issue.message;
    if (millicents.error) problems.perMinuteMillicents = millicents.error;
    if (draft.countryName.trim() === '') problems.countryName = 'Enter the country’s name';
    const code = draft.countryCode.trim().toUpperCase();
    if (rates.some((rate) => rate.countryCode === code)) problems.countryCode = `${code} already has a rate; change it in the table`;
    if (!parsed.success || Object.keys(problems).length > 0) {
      setDraftErrors(problems);
      return;
    }
    const added: RateDraft = { uid: newUid(), countryCode: parsed.data.countryCode, countryName: parsed.data.countryName, rate: draft.rate.trim() };
    const next = [...rates, added].sort((a, b) => a.countryName.localeCompare(b.countryName));
    onChange(next);
    setDraft(EMPTY_NEW);
    setDraftErrors({});
    codeRef.current?.focus();
  }

  /** Focus goes to the next (or previous) row shown, else to the filter, else to adding a country. */
  function remove(rate: RateDraft) {
    const position = shown.findIndex((row) => row.rate.uid === rate.uid);
    onChange(rates.filter((other) => other.uid !== rate.uid));
    focusAfterRender([...neighbourIds(shown, position, (row) => removeId(row.rate)), filterRef, codeRef]);
  }

  // Enter in the "add" inputs adds the country instead of submitting the whole plan.
  const addOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  };

  return (
    <Stack gap="sm">
      <div>
        <Title order={3}>International rates</Title>
        <Text fz="sm" c="dimmed">
          Per-minute rates for calls to other countries. Countries not listed cannot be called on this plan.
        </Text>
      </div>
      {errors.internationalRates && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
          {errors.internationalRates}
        </Alert>
      )}

      <Group gap="xs" align="flex-start" wrap="nowrap" role="group" aria-label="Add a country">
        <TextInput
          ref={codeRef}
          label="Country code"
          placeholder="MX"
          maxLength={2}
          w={110}
          autoComplete="off"
          classNames={{ input: 'ld-code-input' }}
          value={draft.countryCode}
          onChange={(event) => setDraft({ ...draft, countryCode: event.currentTarget.value.toUpperCase() })}
          onKeyDown={addOnEnter}
          error={draftErrors.countryCode}
        />
        <TextInput
          label="Country name"
          placeholder="Mexico"
          style={{ flex: 1 }}
          autoComplete="off"
          value={draft.countryName}
          onChange={(event) => setDraft({ ...draft, countryName: event.currentTarget.value })}
          onKeyDown={addOnEnter}
          error={draftErrors.countryName}
        />
        <RateField
          label="Per-minute rate"
          w={150}
          style={{ flexShrink: 0 }}
          value={draft.rate}
          onChange={(rate) => setDraft({ ...draft, rate })}
          onKeyDown={addOnEnter}
          error={draftErrors.perMinuteMillicents}
        />
        <Button variant="light" mt={25} style={{ flexShrink: 0 }} leftSection={<IconPlus size={16} aria-hidden />} onClick={add}>
          Add country
        </Button>
      </Group>

      {rates.length > 0 && (
        <Group justify="space-between" align="flex-end">
          <TextInput
            ref={filterRef}
            label="Filter countries"
            placeholder="Name or code"
            type="search"
            leftSection={<IconSearch size={16} aria-hidden />}
            w={240}
            value={filter}
            onChange={(event) => setFilter(event.currentTarget.value)}
          />
          <Text fz="sm" c="dimmed" aria-live="polite">
            {needle ? `Showing ${shown.length} of ${rates.length}` : `${rates.length} ${rates.length === 1 ? 'country' : 'countries'}`}
          </Text>
        </Group>
      )}

      {rates.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No international rates yet.
        </Text>
      ) : shown.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No country matches “{filter.trim()}”.
        </Text>
      ) : (
        <div className="ld-table-wrap" style={{ border: '1px solid var(--ld-border)', borderRadius: 'var(--mantine-radius-md)' }}>
          <Table aria-label="International rates" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Country</Table.Th>
                <Table.Th scope="col" id={`${id}-rate`}>
                  Per-minute rate
                </Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map(({ rate, index }) => {
                const rowId = `${id}-${rate.uid}`;
                const rowError = errors[`internationalRates.${index}.countryCode`] ?? errors[`internationalRates.${index}.countryName`];
                return (
                  <Table.Tr key={rate.uid}>
                    <Table.Th scope="row" fw={500}>
                      <Text id={rowId} fz="sm" fw={500} span>
                        {rate.countryName}
                      </Text>{' '}
                      <Text className="ld-mono" c="dimmed" span>
                        {rate.countryCode}
                      </Text>
                      {rowError && (
                        <Text fz="xs" c="red" data-field-error>
                          {rowError}
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td w={200}>
                      <RateField
                        aria-labelledby={`${rowId} ${id}-rate`}
                        size="sm"
                        value={rate.rate}
                        onChange={(value) => onChange(rates.map((other) => (other.uid === rate.uid ? { ...other, rate: value } : other)))}
                        error={errors[`internationalRates.${index}.perMinuteMillicents`]}
                      />
                    </Table.Td>
                    <Table.Td w={56} ta="right">
                      <RemoveRowButton id={removeId(rate)} label={`Remove ${rate.countryName}`} onClick={() => remove(rate)} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}
