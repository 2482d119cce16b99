import { ROLE_LABELS, type Role } from '@linedesk/domain';
import { Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { Page, PageHeader } from '../../components/common/page';
import { useCurrentUser } from '../../components/layout/current-user';
import { RecentActivity } from './recent-activity';
import { Shortcuts } from './shortcuts';

const ROLE_SUMMARIES: Record<Role, string> = {
  admin: 'You can manage users, review the audit log and configure LineDesk.',
  agent: 'You sign customers up and work their orders.',
  inventory: 'You receive, move and scan serialized stock.',
  viewer: 'You can read everything; changes are made by other roles.',
};

function greetingFor(date: Date): string {
  const hour = date.getHours();
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

export function HomePage() {
  const user = useCurrentUser();
  // Fixed for the visit: the greeting should not change under the reader's eyes.
  const [greeting] = useState(() => greetingFor(new Date()));
  const firstName = user.name.split(/\s+/)[0] ?? user.name;

  return (
    <Page>
      <PageHeader
        title={`${greeting}, ${firstName}`}
        description={`Signed in as ${user.name} (${ROLE_LABELS[user.role]}). ${ROLE_SUMMARIES[user.role]}`}
      />
      <Shortcuts role={user.role} />
      <Stack gap="sm">
        <Title order={2}>Your recent activity</Title>
        <RecentActivity userId={user.id} />
      </Stack>
    </Page>
  );
}
