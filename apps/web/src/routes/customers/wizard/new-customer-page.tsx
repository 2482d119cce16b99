import { Button } from '@mantine/core';
import { IconFiles } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { Page, useDocumentTitle } from '../../../components/common/page';
import { ErrorAlert, LoadingState, Panel } from '../../../components/common/status-state';
import { useCreateDraft } from '../../../hooks/api/wizard';
import { RequireRole } from '../../../components/common/require-role';
import { SIGN_UP_ROLES } from '../../../lib/access';

/**
 * Customers > Create New: starts a draft on the server and opens its first step in its place (the
 * address names the draft from then on, so reload, back and another device all resume it).
 */
export function NewCustomerPage() {
  return (
    <RequireRole roles={SIGN_UP_ROLES}>
      <NewCustomer />
    </RequireRole>
  );
}

function NewCustomer() {
  useDocumentTitle('Create New');
  const create = useCreateDraft();
  const navigate = useNavigate();
  const started = useRef(false);
  const { mutate } = create;

  useEffect(() => {
    // Once per visit: a second draft would only be litter.
    if (started.current) return;
    started.current = true;
    mutate(undefined, {
      onSuccess: (draft) => void navigate({ to: '/customers/new/$draftId/$step', params: { draftId: draft.id, step: 'start' }, replace: true }),
    });
  }, [mutate, navigate]);

  return (
    <Page>
      {create.isError ? (
        <>
          <ErrorAlert error={create.error} onRetry={() => create.mutate(undefined, { onSuccess: (draft) => void navigate({ to: '/customers/new/$draftId/$step', params: { draftId: draft.id, step: 'start' }, replace: true }) })} title="Could not start a new customer" />
          <div>
            <Button component={Link} to="/customers/drafts" variant="default" leftSection={<IconFiles size={16} aria-hidden />}>
              Open drafts
            </Button>
          </div>
        </>
      ) : (
        <Panel>
          <LoadingState label="Starting a new customer" />
        </Panel>
      )}
    </Page>
  );
}
