import type { Role } from '@linedesk/domain';
import { Button } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { canAccess } from '../../lib/access';
import { useCurrentUser } from '../layout/current-user';
import { Page, useDocumentTitle } from './page';
import { StateMessage } from './status-state';

/** Shows the page only to the roles allowed; anyone else gets a plain explanation, not a crash. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const user = useCurrentUser();
  if (canAccess(user.role, roles)) return children;
  return <AccessDenied />;
}

export function AccessDenied() {
  useDocumentTitle('No access');
  return (
    <Page>
      <StateMessage
        icon={<IconLock size={24} />}
        color="gray"
        title="You don't have access to this page"
        action={
          <Button component={Link} to="/" variant="light">
            Go to Home
          </Button>
        }
      >
        Your role does not include this page. If you need it for your work, ask an administrator to change your role.
      </StateMessage>
    </Page>
  );
}
