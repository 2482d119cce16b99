import { PASSWORD_MIN_LENGTH, ZCreateUserInput, type Role } from '@linedesk/domain';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '../../components/common/form-alert';
import { PasswordField } from '../../components/common/password-field';
import { useCreateUser } from '../../hooks/api/users';
import { serverFieldErrors, validateWith, type FieldErrors } from '../../lib/form-errors';
import { RoleSelect } from './role-select';

/** `formKey` changes on every opening, so each one starts with an empty form (and the old one stays visible while closing). */
export function CreateUserModal({ opened, formKey, onClose }: { opened: boolean; formKey: number; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Create user" size="md">
      <CreateUserForm key={formKey} onDone={onClose} />
    </Modal>
  );
}

function CreateUserForm({ onDone }: { onDone: () => void }) {
  const createUser = useCreateUser();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    createUser.reset();
    const parsed = validateWith(ZCreateUserInput, { name, email, role, password });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    createUser.mutate(parsed.data, {
      onSuccess: (user) => {
        notifications.show({ color: 'green', title: 'User created', message: `${user.name} can now sign in as ${user.email}.` });
        onDone();
      },
      onError: (error) => setErrors(serverFieldErrors(error)),
    });
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        <FormAlert error={createUser.error} />
        <TextInput
          label="Name"
          autoComplete="off"
          data-autofocus
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
        />
        <TextInput
          label="Email"
          type="email"
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={errors.email}
        />
        <RoleSelect value={role} onChange={setRole} error={errors.role} />
        <PasswordField
          label="Password"
          description={`At least ${PASSWORD_MIN_LENGTH} characters. Share it with the user privately.`}
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errors.password}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={createUser.isPending}>
            Create user
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
