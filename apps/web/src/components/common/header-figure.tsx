import { Box, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One figure in a record header's strip (a `<dt>`/`<dd>` pair: put it inside a `<dl>`). */
export function HeaderFigure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box px="lg" py="sm" style={{ borderRight: '1px solid var(--ld-border)' }}>
      <Text component="dt" fz="xs" fw={600} c="dimmed" tt="uppercase" lts="0.04em">
        {label}
      </Text>
      <Text component="dd" m={0} mt={2} fz="md" fw={650} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {children}
      </Text>
    </Box>
  );
}

/** The grey dot between facts on a header's subtitle line. */
export function HeaderDot() {
  return (
    <Text span c="gray.4" aria-hidden>
      •
    </Text>
  );
}
