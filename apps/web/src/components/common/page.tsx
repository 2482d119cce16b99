import { Box, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';

/** Page body: one width and one padding for every page. */
export function Page({ children, size = 1200 }: { children: ReactNode; size?: number }) {
  return (
    <Box px={{ base: 'md', sm: 'xl' }} py="xl" maw={size}>
      <Stack gap="lg">{children}</Stack>
    </Box>
  );
}

/** The page's h1, an optional one-line description and actions; also names the browser tab. */
export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
      <div>
        <Title order={1}>{title}</Title>
        {description && (
          <Text c="dimmed" fz="sm" mt={4}>
            {description}
          </Text>
        )}
      </div>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}

export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · LineDesk`;
    return () => {
      document.title = 'LineDesk';
    };
  }, [title]);
}
