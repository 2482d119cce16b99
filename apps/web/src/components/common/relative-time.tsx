import { Text, Tooltip } from '@mantine/core';
import { formatDateTime, formatRelative } from '../../lib/format';

/** "5 minutes ago", with the exact local time on hover and in the markup. */
export function RelativeTime({ iso, fz = 'sm' }: { iso: string; fz?: string }) {
  const exact = formatDateTime(iso);
  return (
    <Tooltip label={exact} openDelay={300} withinPortal>
      <Text component="time" dateTime={iso} fz={fz} style={{ whiteSpace: 'nowrap' }}>
        {formatRelative(iso)}
      </Text>
    </Tooltip>
  );
}
