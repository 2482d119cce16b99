import type { TCarrier } from '@linedesk/domain';
import { Select, type SelectProps } from '@mantine/core';
import { referenceOptions } from '../../../lib/catalog-records';

type CarrierSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  carriers: readonly TCarrier[] | undefined;
  value: string | null;
  onChange: (code: string | null) => void;
  /** A saved product or package belongs to its carrier for good. */
  locked: boolean;
};

/** The "Carrier" field of the product and package forms: active carriers, plus the chosen one even if inactive. */
export function CarrierSelect({ carriers, value, onChange, locked, ...props }: CarrierSelectProps) {
  return (
    <Select
      label="Carrier"
      placeholder="Choose a carrier"
      data={referenceOptions(carriers, [value])}
      value={value}
      onChange={onChange}
      readOnly={locked}
      variant={locked ? 'filled' : 'default'}
      searchable={!locked}
      nothingFoundMessage="No carrier matches"
      // Focused on load: typing or a click opens the list, not the focus itself.
      openOnFocus={false}
      {...props}
    />
  );
}
