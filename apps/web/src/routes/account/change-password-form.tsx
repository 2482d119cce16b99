import { PASSWORD_MIN_LENGTH, ZChangePasswordInput } from '@linedesk/domain';
import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '../../components/common/form-alert';
import { PasswordField } from '../../components/common/password-field';
import { useChangePassword } from '../../hooks/api/auth';
import { serverFieldErrors, validateWith, type FieldErrors } from '../../lib/form-errors';

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };

export function ChangePasswordForm() {
  const changePassword = useChangePassword();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});

  const set = (field: keyof typeof EMPTY) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setValues({ ...values, [field]: event.currentTarget.value });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    changePassword.reset();
    const parsed = validateWith(ZChangePasswordInput, { currentPassword: values.currentPassword, newPassword: values.newPassword });
    const nextErrors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
    // The server never sees the confirmation; matching it is the browser's job.
    if (values.confirmPassword !== values.newPassword) nextErrors.confirmPassword = 'The passwords do not match';
    setErrors(nextErrors);
    if (!parsed.ok || Object.keys(nextErrors).length > 0) return;
    changePassword.mutate(parsed.data, {
      onSuccess: () => {
        setValues(EMPTY);
        notifications.show({
          color: 'green',
          title: 'Password changed',
          message: 'Your other sessions have been signed out. This one stays signed in.',
        });
      },
      onError: (error) => setErrors(serverFieldErrors(error)),
    });
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md" maw={420}>
        <Text fz="sm" c="dimmed">
          Changing your password signs you out on every other browser and device. You stay signed in here.
        </Text>
        <FormAlert error={changePassword.error} />
        <PasswordField
          label="Current password"
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={set('currentPassword')}
          error={errors.currentPassword}
        />
        <PasswordField
          label="New password"
          description={`At least ${PASSWORD_MIN_LENGTH} characters.`}
          autoComplete="new-password"
          value={values.newPassword}
          onChange={set('newPassword')}
          error={errors.newPassword}
        />
        <PasswordField
          label="Confirm new password"
          autoComplete="new-password"
          value={values.confirmPassword}
          onChange={set('confirmPassword')}
          error={errors.confirmPassword}
        />
        <Group>
          <Button type="submit" loading={changePassword.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
