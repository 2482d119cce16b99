import type { TUser } from '@linedesk/domain';
import { Avatar, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { RoleBadge, StatusBadge } from '../../components/common/badges';
import { RelativeTime } from '../../components/common/relative-time';
import { initialsOf } from '../../lib/format';

export function UsersTable({ users, onEdit, currentUserId }: { users: TUser[]; onEdit: (user: TUser) => void; currentUserId: string }) {
  return (
    <div className="ld-table-wrap">
      <Table aria-label="Users" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Email</Table.Th>
            <Table.Th scope="col">Role</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Last sign-in</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            // The whole row is a mouse target; keyboard users get the Edit button in it.
            <Table.Tr key={user.id} className="ld-clickable-row" onClick={() => onEdit(user)}>
              <Table.Td>
                <Group gap="sm" wrap="nowrap">
                  <Avatar size={30} radius="xl" color={user.isActive ? 'brand' : 'gray'} aria-hidden>
                    {initialsOf(user.name)}
                  </Avatar>
                  <Text fz="sm" fw={600}>
                    {user.name}
                    {user.id === currentUserId && (
                      <Text component="span" fz="xs" c="dimmed" fw={400} ml={6}>
                        (you)
                      </Text>
                    )}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{user.email}</Text>
              </Table.Td>
              <Table.Td>
                <RoleBadge role={user.role} />
              </Table.Td>
              <Table.Td>
                <StatusBadge isActive={user.isActive} />
              </Table.Td>
              <Table.Td>
                {user.lastSignInAt ? (
                  <RelativeTime iso={user.lastSignInAt} />
                ) : (
                  <Text fz="sm" c="dimmed">
                    Never
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                <Button
                  variant="subtle"
                  size="xs"
                  leftSection={<IconPencil size={14} aria-hidden />}
                  aria-label={`Edit ${user.name}`}
                  onClick={(event) => {
                    event.stopPropagation();
                    onEdit(user);
                  }}
                >
                  Edit
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
