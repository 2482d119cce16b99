import { ROLE_LABELS, type TUser } from '@linedesk/domain';
import { Avatar, Box, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { initialsOf } from '../../lib/format';
import { useSignOutFlow } from './use-sign-out-flow';

/** Who is signed in, and the way to their account or out. */
export function UserMenu({ user }: { user: TUser }) {
  const signOut = useSignOutFlow();
  return (
    <Menu position="bottom-end" width={240} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton
          // Starts with a fixed phrase (stable for tests and speech input) and contains the visible text.
          aria-label={`User menu: ${user.name} (${ROLE_LABELS[user.role]})`}
          style={{ borderRadius: 'var(--mantine-radius-md)', padding: '4px 6px' }}>
          <Group gap={10} wrap="nowrap">
            <Avatar color="brand" radius="xl" size={32} aria-hidden>
              {initialsOf(user.name)}
            </Avatar>
            <Box visibleFrom="xs" style={{ lineHeight: 1.2 }}>
              <Text fz="sm" fw={600} lh={1.25}>
                {user.name}
              </Text>
              <Text fz="xs" c="dimmed" lh={1.25}>
                {ROLE_LABELS[user.role]}
              </Text>
            </Box>
            <IconChevronDown size={14} aria-hidden color="var(--mantine-color-gray-6)" />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text fz="xs" c="dimmed" truncate>
            Signed in as {user.email}
          </Text>
        </Menu.Label>
        <Menu.Item component={Link} to="/account" leftSection={<IconUserCircle size={16} aria-hidden />}>
          My Account
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={() => void signOut.run()}
          disabled={signOut.isPending}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
