import { AppShell, Box, Burger, Group, ScrollArea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Navigate, Outlet, useRouterState } from '@tanstack/react-router';
import { useSession } from '../../hooks/api/auth';
import { AppNavbar } from '../nav/app-navbar';
import { CurrentUserProvider } from './current-user';
import { Logo } from './logo';
import { UserMenu } from './user-menu';

/** The signed-in frame: header, left menu and the page. The route guard has already loaded the session. */
export function AppLayout() {
  const [navOpened, nav] = useDisclosure(false);
  const { data: session } = useSession();
  // Where the router is going (already the next page while it loads).
  const location = useRouterState({ select: (state) => state.location });

  if (!session) {
    // Signing out and the "session ended" handler are already on their way to sign-in: nothing to show meanwhile.
    if (location.pathname === '/sign-in') return null;
    // Any other way of losing the session must not leave a blank page: sign in, then come back here.
    return <Navigate to="/sign-in" search={{ redirect: location.href }} replace />;
  }

  return (
    <CurrentUserProvider value={session.user}>
      <a href="#main-content" className="ld-skip-link">
        Skip to content
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding={0}
      >
        <AppShell.Header px="md" style={{ borderBottomColor: 'var(--ld-border)' }}>
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={navOpened}
                onClick={nav.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
              />
              <Link to="/" aria-label="LineDesk home" style={{ color: 'inherit', textDecoration: 'none', borderRadius: 6 }}>
                <Logo />
              </Link>
            </Group>
            <UserMenu user={session.user} />
          </Group>
        </AppShell.Header>
        <AppShell.Navbar aria-label="Main" style={{ borderRightColor: 'var(--ld-border)' }}>
          {/* Padding inside the scroll area, or it clips the links' focus rings. */}
          <AppShell.Section grow component={ScrollArea}>
            <Box p="sm">
              <AppNavbar role={session.user.role} sections={['workspace', 'admin']} onNavigate={nav.close} />
            </Box>
          </AppShell.Section>
          <AppShell.Section p="sm" style={{ borderTop: '1px solid var(--ld-border)' }}>
            <AppNavbar role={session.user.role} sections={['account']} onNavigate={nav.close} />
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main id="main-content" tabIndex={-1}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </CurrentUserProvider>
  );
}
