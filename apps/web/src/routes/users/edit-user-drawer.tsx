import { PASSWORD_MIN_LENGTH, ZUpdateUserInput, type TUpdateUserInput, type TUser } from '@linedesk/domain';
import { Alert, Button, Drawer, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useId, useState, type FormEvent } from 'react';
import { FormAlert } from '../../components/common/form-alert';
import { PasswordField } from '../../components/common/password-field';
import { useUpdateUser } from '../../hooks/api/users';
import { serverFieldErrors, validateWith, type FieldErrors } from '../../lib/form-errors';
import { RoleSelect } from './role-select';

type Props = { opened: boolean; user: TUser | null; formKey: number; currentUserId: string; onClose: () => void };

/** `user` stays set while the drawer closes so its content does not vanish mid-animation. */
export function EditUserDrawer({ opened, user, formKey, currentUserId, onClose }: Props) {
  return (
    <Drawer opened={opened && user !== null} onClose={onClose} position="right" size="md" title="Edit user">
      {/* Keyed per opening so one user's unsaved edits never carry into the next form. */}
      {user && <EditUserForm key={formKey} user={user} isSelf={user.id === currentUserId} onDone={onClose} />}
    </Drawer>
  );
}

function EditUserForm({ user, isSelf, onDone }: { user: TUser; isSelf: boolean; onDone: () => void }) {
  const updateUser = useUpdateUser();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState(user.role);
  const [isActive, setIsActive] = useState(user.isActive);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const activeHintId = useId();

  // Only what changed is sent, so the audit trail records exactly the admin's edits.
  const changes: TUpdateUserInput = {
    ...(name.trim() !== user.name ? { name } : {}),
    ...(role !== user.role ? { role } : {}),
    ...(isActive !== user.isActive ? { isActive } : {}),
    ...(password ? { password } : {}),
  };
  const hasChanges = Object.keys(changes).length > 0;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!hasChanges) return;
    updateUser.reset();
    const parsed = validateWith(ZUpdateUserInput, changes);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    updateUser.mutate(
      { id: user.id, changes: parsed.data },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', title: 'User saved', message: `Changes to ${saved.name} are saved.` });
          onDone();
        },
        onError: (error) => setErrors(serverFieldErrors(error)),
      },
    );
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        <div>
          <Text fz="xs" c="dimmed">
            Email
          </Text>
          <Text fz="sm" fw={500}>
            {user.email}
          </Text>
        </div>
        {isSelf && (
          <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
            This is your own account. Changing your role, deactivating yourself or resetting your password here signs you out.
          </Alert>
        )}
        <FormAlert error={updateUser.error} />
        <TextInput label="Name" value={name} onChange={(event) => setName(event.currentTarget.value)} error={errors.name} />
        <RoleSelect value={role} onChange={setRole} error={errors.role} />
        <div>
          {/* The hint sits outside the switch's <label> so the control's name stays exactly "Active". */}
          <Switch
            label="Active"
            aria-describedby={activeHintId}
            checked={isActive}
            onChange={(event) => setIsActive(event.currentTarget.checked)}
            error={errors.isActive}
          />
          <Text id={activeHintId} fz="xs" c="dimmed" mt={4} pl={50}>
            Inactive users cannot sign in. Deactivating signs them out everywhere.
          </Text>
        </div>
        <PasswordField
          label="Reset password"
          description={`Optional. At least ${PASSWORD_MIN_LENGTH} characters; the user is signed out everywhere.`}
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errors.password}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={updateUser.isPending} disabled={!hasChanges}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
