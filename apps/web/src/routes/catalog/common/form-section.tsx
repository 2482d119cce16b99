import { Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

type Props = {
  title: string;
  description?: ReactNode;
  /** Wide content (a table) takes the full width, with its heading above instead of beside it. */
  wide?: boolean;
  children: ReactNode;
};

/** One block of a long editor page: what it is about on the left, its fields in a card on the right. */
export function FormSection({ title, description, wide = false, children }: Props) {
  const headingId = useId();
  if (wide) {
    return (
      <section aria-labelledby={headingId}>
        <Title id={headingId} order={2} fz="md">
          {title}
        </Title>
        {description && (
          <Text fz="sm" c="dimmed" mt={4}>
            {description}
          </Text>
        )}
        <Paper p="lg" mt="sm" style={{ borderColor: 'var(--ld-border)' }}>
          <Stack gap="md">{children}</Stack>
        </Paper>
      </section>
    );
  }
  return (
    <Grid component="section" aria-labelledby={headingId} gap="lg">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Title id={headingId} order={2} fz="md">
          {title}
        </Title>
        {description && (
          <Text fz="sm" c="dimmed" mt={4}>
            {description}
          </Text>
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Paper p="lg" style={{ borderColor: 'var(--ld-border)' }}>
          <Stack gap="md">{children}</Stack>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
