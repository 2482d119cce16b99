import { Avatar, Divider, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { RoleBadge } from '../../components/common/badges';
import { Page, PageHeader } from '../../components/common/page';
import { Panel } from '../../components/common/status-state';
import { useCurrentUser } from '../../components/layout/current-user';
import { formatDateTime, initialsOf } from '../../lib/format';
import { ChangePasswordForm } from './change-password-form';

export function AccountPage() {
  const user = useCurrentUser();
  return (
    <Page size={900}>
      <PageHeader title="My Account" description="Your profile and sign-in details." />
      <Panel p="lg">
        <Stack gap="lg">
          <Group gap="md" wrap="nowrap">
            <Avatar size={56} radius="xl" color="brand" aria-hidden>
              {initialsOf(user.name)}
            </Avatar>
            <div>
              <Title order={2}>Profile</Title>
              <Text fz="sm" c="dimmed">
                Your name and role are managed by an administrator.
              </Text>
            </div>
          </Group>
          <Divider color="var(--ld-border)" />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" component="dl" m={0}>
            <Field label="Name">{user.name}</Field>
            <Field label="Email">{user.email}</Field>
            <Field label="Role">
              <RoleBadge role={user.role} />
            </Field>
            <Field label="Member since">{formatDateTime(user.createdAt)}</Field>
          </SimpleGrid>
        </Stack>
      </Panel>
      <Panel p="lg">
        <Stack gap="md">
          <Title order={2}>Change password</Title>
          <ChangePasswordForm />
        </Stack>
      </Panel>
    </Page>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" fz="xs" c="dimmed" fw={500} mb={4}>
        {label}
      </Text>
      <Text component="dd" fz="sm" fw={500} m={0}>
        {children}
      </Text>
    </div>
  );
}
