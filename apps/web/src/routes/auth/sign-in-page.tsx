import { ZSignInInput } from '@linedesk/domain';
import { Alert, Box, Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useDocumentTitle } from '../../components/common/page';
import { PasswordField } from '../../components/common/password-field';
import { LogoMark } from '../../components/layout/logo';
import { useSignIn } from '../../hooks/api/auth';
import { errorReason, serverFieldErrors, validateWith, type FieldErrors } from '../../lib/form-errors';
import { safeRedirectTarget } from '../../lib/safe-redirect';

const route = getRouteApi('/sign-in');

export function SignInPage() {
  useDocumentTitle('Sign in');
  const { redirect } = route.useSearch();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    signIn.reset();
    const parsed = validateWith(ZSignInInput, { email, password });
    if (!parsed.ok) {
      setFieldErrors(parsed.errors);
      return;
    }
    setFieldErrors({});
    signIn.mutate(parsed.data, {
      onSuccess: () => void navigate({ href: safeRedirectTarget(redirect), replace: true }),
      onError: (error) => setFieldErrors(serverFieldErrors(error)),
    });
  }

  return (
    <Center component="main" mih="100vh" px="md" py={48} bg="var(--ld-page-bg)">
      <Box w="100%" maw={400}>
        <Stack align="center" gap="md" mb="lg">
          <LogoMark size={44} />
          <Title order={1} ta="center">
            Sign in to LineDesk
          </Title>
          <Text c="dimmed" fz="sm" ta="center">
            Use the work email and password your administrator gave you.
          </Text>
        </Stack>
        <Paper p="xl" shadow="sm" style={{ borderColor: 'var(--ld-border)' }}>
          <form onSubmit={handleSubmit} noValidate>
            <Stack gap="md">
              {signIn.isError && (
                <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} aria-hidden />}>
                  {errorReason(signIn.error)}
                </Alert>
              )}
              <TextInput
                label="Email"
                type="email"
                name="email"
                autoComplete="username"
                autoFocus
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={fieldErrors.email}
              />
              <PasswordField
                label="Password"
                name="password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={fieldErrors.password}
              />
              <Button type="submit" fullWidth loading={signIn.isPending} mt="xs">
                Sign in
              </Button>
            </Stack>
          </form>
        </Paper>
        <Text c="dimmed" fz="xs" ta="center" mt="lg">
          Forgot your password? An administrator can reset it from the Users page.
        </Text>
      </Box>
    </Center>
  );
}
