import { Group, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/**
 * A part of a page under its own heading: the title, a line on what it is for, actions at the right, then
 * its content. `size`: `lg` for a page's main parts (Integrations), `md` for a step's blocks (the wizard).
 */
export function TitledSection({
  title,
  description,
  aside,
  size,
  children,
}: {
  title: string;
  description?: ReactNode;
  /** Right of the heading: a status, a button. */
  aside?: ReactNode;
  size: 'md' | 'lg';
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm" mb={size === 'lg' ? 'sm' : 'xs'}>
        <div style={size === 'lg' ? { minWidth: 0, flex: '1 1 420px' } : undefined}>
          <Title id={headingId} order={2} fz={size}>
            {title}
          </Title>
          {description && (
            <Text fz="sm" c="dimmed" mt={2}>
              {description}
            </Text>
          )}
        </div>
        {aside && <Group gap="sm">{aside}</Group>}
      </Group>
      {children}
    </section>
  );
}
