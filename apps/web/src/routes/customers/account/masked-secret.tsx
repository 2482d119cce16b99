import type { TMaskedSecret } from '@linedesk/domain';
import { Group, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { NotSet } from './account-section';

/**
 * A secret the account keeps sealed (SSN, Tax ID, Security PIN): whether one is on file and its
 * masked hint, never the value. There is deliberately no way to reveal it here.
 */
export function MaskedSecret({ secret }: { secret: TMaskedSecret }) {
  if (!secret.isSet) return <NotSet>Not on file</NotSet>;
  return (
    <Group component="span" gap={6} wrap="nowrap" display="inline-flex" title="Stored encrypted: only a masked hint is shown">
      <IconLock size={14} color="var(--mantine-color-gray-6)" aria-hidden />
      <Text span className="ld-mono" fz="sm">
        {secret.hint ?? '••••'}
      </Text>
      <Text span fz="xs" c="dimmed">
        on file
      </Text>
    </Group>
  );
}
