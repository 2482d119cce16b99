import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { isStatusFilter, STATUS_FILTER_OPTIONS, type StatusFilter } from '../../lib/status-filter';

/** The "Status" filter of every list whose records are deactivated rather than deleted. */
export function StatusFilterSelect({
  value,
  onChange,
  ...props
}: Omit<NativeSelectProps, 'value' | 'onChange' | 'data'> & { value: StatusFilter; onChange: (status: StatusFilter) => void }) {
  return (
    <NativeSelect
      label="Status"
      data={STATUS_FILTER_OPTIONS}
      value={value}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (isStatusFilter(next)) onChange(next);
      }}
      {...props}
    />
  );
}
