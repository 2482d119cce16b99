import { Text, Tooltip } from '@mantine/core';
import { formatDateTime, formatRelative } from '../../lib/format';

/** "5 minutes ago", with the exact local time on hover and in the markup; `block`: on a line of its own (in a table cell). */
export function RelativeTime({ iso, fz = 'sm', block = false }: { iso: string; fz?: string; block?: boolean }) {
  const exact = formatDateTime(iso);
  return (
    <Tooltip label={exact} openDelay={300} withinPortal>
      <Text component="time" dateTime={iso} fz={fz} display={block ? 'block' : undefined} style={{ whiteSpace: 'nowrap' }}>
        {formatRelative(iso)}
      </Text>
    </Tooltip>
  );
}
