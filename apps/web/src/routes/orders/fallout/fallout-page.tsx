import type { TFalloutRow } from '@linedesk/domain';
import { Button, NativeSelect, NumberInput } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useId } from 'react';
import { carrierFilterOptions, ListPage } from '../../../components/common/list-page';
import { StateMessage } from '../../../components/common/status-state';
import { FALLOUT_PAGE_SIZE, NO_FALLOUT_FILTERS, useFallout, type FalloutFilters } from '../../../hooks/api/provisioning';
import { useWizardCarriers } from '../../../hooks/api/wizard';
import { useAddressSearchText } from '../../../hooks/use-result-picker';
import { MAX_STUCK_MINUTES, stuckMinutesParam } from './fallout-search';
import { FalloutTable } from './fallout-table';

type Props = {
  /** The filters as the address keeps them, so the view can be bookmarked, shared and gone back to. */
  filters: FalloutFilters;
  /** `replace`: typing the stuck age replaces the address instead of adding to history. */
  onFiltersChange: (next: FalloutFilters, options?: { replace?: boolean }) => void;
};

/** Orders > Fallout: the orders the carrier refused, and those at the carrier longer than the stuck age. */
export function FalloutPage({ filters, onFiltersChange }: Props) {
  const navigate = useNavigate();
  const ids = { status: useId() };
  const carriers = useWizardCarriers();
  const fallout = useFallout(filters);

  // The box keeps what is typed; the address takes a valid age after a pause, and blank means the setting.
  const stuck = useAddressSearchText(filters.stuckMinutes ? String(filters.stuckMinutes) : '', (text) => {
    const minutes = stuckMinutesParam(text) ?? null;
    if (text === '' || minutes !== null) onFiltersChange({ ...filters, stuckMinutes: minutes, page: 1 }, { replace: true });
  });
  const stuckText = stuck.text.trim();
  const stuckInvalid = stuckText !== '' && stuckMinutesParam(stuckText) === undefined;

  const total = fallout.data?.total ?? 0;
  const isFiltered = Boolean(filters.carrierCode || filters.stuckMinutes);
  const carrierOptions = carrierFilterOptions(carriers.data, filters.carrierCode);
  const carrierName = carrierOptions.find((option) => option.value === filters.carrierCode && option.value !== '')?.label ?? null;

  const open = (row: TFalloutRow) => void navigate({ to: '/orders/$orderId', params: { orderId: row.id } });
  const clear = () => {
    stuck.clear();
    onFiltersChange(NO_FALLOUT_FILTERS);
  };

  return (
    <ListPage
      title="Fallout"
      description="Orders the carrier refused, and orders waiting at the carrier longer than the stuck age. Open one to fix it and Send again."
      filters={
        <>
          <NativeSelect
            label="Carrier"
            data={carrierOptions}
            value={filters.carrierCode}
            onChange={(event) => onFiltersChange({ ...filters, carrierCode: event.currentTarget.value, page: 1 })}
            w={{ base: '100%', xs: 200 }}
          />
          <NumberInput
            label="Stuck after (minutes)"
            // Blank: the installation's setting, which the placeholder shows.
            placeholder={fallout.data ? `${fallout.data.stuckMinutes} (the setting)` : undefined}
            value={stuck.text}
            onChange={(value) => stuck.change(String(value))}
            onKeyDown={(event) => {
              if (event.key === 'Enter') stuck.flush();
            }}
            onBlur={() => stuck.flush()}
            min={1}
            max={MAX_STUCK_MINUTES}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            error={stuckInvalid ? `A whole number of minutes from 1 to ${MAX_STUCK_MINUTES}` : undefined}
            aria-describedby={ids.status}
            w={{ base: '100%', xs: 220 }}
          />
        </>
      }
      showClear={isFiltered}
      onClear={clear}
      status={{ id: ids.status }}
      list={fallout}
      loadingLabel="Loading the fallout"
      errorTitle="Could not load the fallout"
      empty={(data) => (
        <StateMessage
          icon={<IconCircleCheck size={24} />}
          color="green"
          title="No fallout"
          action={
            isFiltered && (
              <Button variant="light" onClick={clear}>
                Clear filters
              </Button>
            )
          }
        >
          No order{carrierName ? ` with ${carrierName}` : ''} is in Error, and none has waited at the carrier longer than {minutesText(data.stuckMinutes)}.
        </StateMessage>
      )}
      summary={(data) => summary(data.total, data.stuckMinutes)}
      table={(data) => <FalloutTable rows={data.rows} onOpen={open} stale={fallout.isPlaceholderData} />}
      pager={{
        label: 'Pages of fallout',
        pageSize: FALLOUT_PAGE_SIZE,
        page: filters.page,
        onChange: (page) => onFiltersChange({ ...filters, page }),
        text: (
          <>
            Orders {(filters.page - 1) * FALLOUT_PAGE_SIZE + 1}–{Math.min(total, filters.page * FALLOUT_PAGE_SIZE)} of {total}
          </>
        ),
      }}
    />
  );
}

/** "30 minutes", "2 hours", "1 day 6 hours": a stuck age as people say it. */
function minutesText(minutes: number | null): string {
  if (minutes === null) return 'the stuck age';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [
    days && `${days} ${days === 1 ? 'day' : 'days'}`,
    hours && `${hours} ${hours === 1 ? 'hour' : 'hours'}`,
    rest && `${rest} ${rest === 1 ? 'minute' : 'minutes'}`,
  ].filter(Boolean);
  return parts.join(' ');
}

function summary(total: number, stuckMinutes: number | null): string {
  const count = total === 1 ? '1 order needs' : `${total} orders need`;
  return `${count} a look: in Error, or at the carrier longer than ${minutesText(stuckMinutes)}.`;
}
