import { ZRole } from '@linedesk/domain';
import { Group, NativeSelect, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { UserListFilters } from '../../hooks/api/users';
import { StatusFilterSelect } from '../../components/common/status-filter-select';
import { ROLE_OPTIONS } from './role-select';

export function UsersFilters({ value, onChange }: { value: UserListFilters; onChange: (next: UserListFilters) => void }) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label="Search users"
        placeholder="Name or email"
        type="search"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={value.search}
        onChange={(event) => onChange({ ...value, search: event.currentTarget.value })}
        w={{ base: '100%', sm: 300 }}
      />
      <NativeSelect
        label="Role"
        data={[{ value: '', label: 'All roles' }, ...ROLE_OPTIONS]}
        value={value.role}
        onChange={(event) => {
          const parsed = ZRole.safeParse(event.currentTarget.value);
          onChange({ ...value, role: parsed.success ? parsed.data : '' });
        }}
        w={{ base: '100%', xs: 170 }}
      />
      <StatusFilterSelect value={value.status} onChange={(status) => onChange({ ...value, status })} w={{ base: '100%', xs: 170 }} />
    </Group>
  );
}
