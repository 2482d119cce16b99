import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** One titled card of the account page; `flush` lets a table run to the card's edges. */
export function AccountSection({
  title,
  description,
  aside,
  flush = false,
  children,
}: {
  title: string;
  description?: ReactNode;
  /** Right of the title: a count or a summary. */
  aside?: ReactNode;
  flush?: boolean;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Paper style={{ borderColor: 'var(--ld-border)', overflow: 'hidden' }} h="100%">
        <Group justify="space-between" align="baseline" px="lg" pt="md" pb={flush ? 'sm' : 0} wrap="wrap" gap="xs">
          <div>
            <Title id={headingId} order={2} fz="md">
              {title}
            </Title>
            {description && (
              <Text fz="xs" c="dimmed" mt={2}>
                {description}
              </Text>
            )}
          </div>
          {aside}
        </Group>
        {flush ? children : <Stack p="lg" pt="md">{children}</Stack>}
      </Paper>
    </section>
  );
}

export type DetailItem = { label: string; value: ReactNode; hidden?: boolean };

/** Label and value pairs as a real description list, in as many columns as fit. */
export function DetailList({ items, cols = { base: 1, xs: 2, md: 3 } }: { items: DetailItem[]; cols?: Record<string, number> }) {
  return (
    <SimpleGrid component="dl" cols={cols} spacing="lg" verticalSpacing="md" m={0}>
      {items
        .filter((item) => !item.hidden)
        .map((item) => (
          <div key={item.label} style={{ minWidth: 0 }}>
            <Text component="dt" fz="xs" fw={600} c="dimmed" tt="uppercase" lts="0.04em">
              {item.label}
            </Text>
            <Text component="dd" fz="sm" m={0} mt={4} style={{ overflowWrap: 'anywhere' }}>
              {item.value}
            </Text>
          </div>
        ))}
    </SimpleGrid>
  );
}

/** "Not set" in the muted colour every empty value uses. */
export function NotSet({ children = 'Not set' }: { children?: ReactNode }) {
  return (
    <Text span fz="sm" c="dimmed">
      {children}
    </Text>
  );
}

/** Marks the one primary contact or default payment method of a list. */
export function MarkerBadge({ children }: { children: ReactNode }) {
  return (
    <Badge size="sm" variant="light" color="brand" radius="sm" tt="none" fw={600}>
      {children}
    </Badge>
  );
}
