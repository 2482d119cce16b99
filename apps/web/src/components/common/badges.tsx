import { ROLE_LABELS, type Role } from '@linedesk/domain';
import { Badge } from '@mantine/core';

const ROLE_COLORS: Record<Role, string> = {
  admin: 'brand',
  agent: 'teal',
  inventory: 'orange',
  viewer: 'gray',
};

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge color={ROLE_COLORS[role]} variant="light" radius="sm" tt="none" fw={600}>
      {ROLE_LABELS[role]}
    </Badge>
  );
}

export function StatusBadge({ isActive }: { isActive: boolean }) {
  return (
    <Badge color={isActive ? 'green' : 'gray'} variant="dot" radius="sm" tt="none" fw={600}>
      {isActive ? 'Active' : 'Inactive'}
    </Badge>
  );
}
