import { Button, Center, Group, Stack, Text, Title } from '@mantine/core';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { errorReason } from '../../lib/form-errors';
import { isApiError } from '../../lib/api-client';

/** Last line of defence: a page that failed to load or render says so and offers a way out. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <Center py={64} px="md">
      <Stack align="center" gap="sm" maw={480} ta="center" role="alert">
        <Title order={1}>Something went wrong</Title>
        <Text c="dimmed" fz="sm">
          {isApiError(error) ? errorReason(error) : 'This page hit an unexpected problem. Reloading usually fixes it.'}
        </Text>
        {requestId && (
          <Text c="dimmed" fz="xs">
            Reference: <span className="ld-mono">{requestId}</span>
          </Text>
        )}
        <Group mt="sm">
          <Button onClick={reset}>Try again</Button>
          <Button component="a" href="/" variant="default">
            Go to Home
          </Button>
        </Group>
      </Stack>
    </Center>
  );
}
