import { Alert, Button, Center, Loader, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { errorReason } from '../../lib/form-errors';

/** A full-width message inside a page: used for empty, forbidden and not-found states. */
export function StateMessage({
  icon,
  title,
  children,
  action,
  color = 'brand',
}: {
  icon: ReactNode;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  color?: string;
}) {
  return (
    <Center py={48} px="md">
      <Stack align="center" gap="xs" maw={440} ta="center">
        <ThemeIcon size={48} radius="xl" variant="light" color={color} aria-hidden>
          {icon}
        </ThemeIcon>
        <Title order={2} mt="xs">
          {title}
        </Title>
        {children && (
          <Text c="dimmed" fz="sm">
            {children}
          </Text>
        )}
        {action && <div style={{ marginTop: 8 }}>{action}</div>}
      </Stack>
    </Center>
  );
}

export function LoadingState({ label = 'Loading' }: { label?: string }) {
  return (
    <Center py={48} role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="sm" aria-hidden />
        <Text c="dimmed" fz="sm">
          {label}…
        </Text>
      </Stack>
    </Center>
  );
}

/** A failed load: the server's reason, and a way to try again. */
export function ErrorAlert({ error, onRetry, title = 'Could not load this' }: { error: unknown; onRetry?: () => void; title?: string }) {
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text fz="sm">{errorReason(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** A white card to hold a table or form, with the border colour used across the app. */
export function Panel({ children, p = 0 }: { children: ReactNode; p?: number | string }) {
  return (
    <Paper p={p} style={{ borderColor: 'var(--ld-border)', overflow: 'hidden' }}>
      {children}
    </Paper>
  );
}
