import { Group, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** One part of the Integrations page: its heading, a line on what it is for, actions at the right, then its content. */
export function IntegrationSection({
  title,
  description,
  aside,
  children,
}: {
  title: string;
  description?: ReactNode;
  /** Right of the heading: a status, a button. */
  aside?: ReactNode;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm" mb="sm">
        <div style={{ minWidth: 0, flex: '1 1 420px' }}>
          <Title id={headingId} order={2} fz="lg">
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
