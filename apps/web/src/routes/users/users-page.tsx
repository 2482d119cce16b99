import type { TUser } from '@linedesk/domain';
import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconUserSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Page, PageHeader } from '../../components/common/page';
import { ErrorAlert, LoadingState, Panel, StateMessage } from '../../components/common/status-state';
import { useCurrentUser } from '../../components/layout/current-user';
import { ALL_USERS, useUsers, type UserListFilters } from '../../hooks/api/users';
import { CreateUserModal } from './create-user-modal';
import { EditUserDrawer } from './edit-user-drawer';
import { UsersFilters } from './users-filters';
import { UsersTable } from './users-table';

export function UsersPage() {
  const currentUser = useCurrentUser();
  const [filters, setFilters] = useState<UserListFilters>(ALL_USERS);
  // Typing waits for a pause before asking the server; the selects apply at once.
  const [debouncedSearch] = useDebouncedValue(filters.search, 250);
  const users = useUsers({ ...filters, search: debouncedSearch });
  const [dialog, setDialog] = useState<{ kind: 'none' | 'create' | 'edit'; user: TUser | null; key: number }>({
    kind: 'none',
    user: null,
    key: 0,
  });
  const openCreate = () => setDialog((prev) => ({ kind: 'create', user: prev.user, key: prev.key + 1 }));
  const openEdit = (user: TUser) => setDialog((prev) => ({ kind: 'edit', user, key: prev.key + 1 }));
  const closeDialog = () => setDialog((prev) => ({ ...prev, kind: 'none' }));

  return (
    <Page>
      <PageHeader
        title="Users"
        description="People who can sign in to LineDesk, and what their role lets them do."
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={openCreate}>
            Create user
          </Button>
        }
      />
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <UsersFilters value={filters} onChange={setFilters} />
          <Group gap={8} mih={36}>
            {users.isFetching && !users.isPending && <Loader size="xs" aria-label="Updating list" />}
            {users.data && (
              <Text fz="sm" c="dimmed" aria-live="polite">
                {users.data.length === 1 ? '1 user' : `${users.data.length} users`}
              </Text>
            )}
          </Group>
        </Group>
        {users.isPending ? (
          <Panel>
            <LoadingState label="Loading users" />
          </Panel>
        ) : users.isError ? (
          <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
        ) : users.data.length === 0 ? (
          <Panel>
            <StateMessage
              icon={<IconUserSearch size={24} />}
              title="No users match these filters"
              action={
                <Button variant="light" onClick={() => setFilters(ALL_USERS)}>
                  Clear filters
                </Button>
              }
            >
              Try a different name or email, or widen the role and status filters.
            </StateMessage>
          </Panel>
        ) : (
          <Panel>
            <UsersTable users={users.data} onEdit={openEdit} currentUserId={currentUser.id} />
          </Panel>
        )}
      </Stack>
      <CreateUserModal opened={dialog.kind === 'create'} formKey={dialog.key} onClose={closeDialog} />
      <EditUserDrawer
        opened={dialog.kind === 'edit'}
        user={dialog.user}
        formKey={dialog.key}
        currentUserId={currentUser.id}
        onClose={closeDialog}
      />
    </Page>
  );
}
