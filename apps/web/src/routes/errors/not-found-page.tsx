import { Button } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { Page, useDocumentTitle } from '../../components/common/page';
import { StateMessage } from '../../components/common/status-state';

/** Inside the signed-in shell, so the menu is still there to find the way. */
export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <Page>
      <StateMessage
        icon={<IconMapQuestion size={24} />}
        color="gray"
        title="Page not found"
        action={
          <Button component={Link} to="/" variant="light">
            Go to Home
          </Button>
        }
      >
        There is no page at this address. It may have moved, or the link may be mistyped.
      </StateMessage>
    </Page>
  );
}
