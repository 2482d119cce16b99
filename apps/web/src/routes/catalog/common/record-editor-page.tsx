import { Anchor, Breadcrumbs, Button, Group, Text, Title } from '@mantine/core';
import { IconFileUnknown, IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react';
import { StatusBadge } from '../../../components/common/badges';
import { Page, PageHeader, useDocumentTitle } from '../../../components/common/page';
import { ErrorAlert, LoadingState, Panel, StateMessage } from '../../../components/common/status-state';
import type { AppPath } from '../../../components/nav/nav-items';
import { useCatalogRecord, type CatalogEntity, type CatalogView } from '../../../hooks/api/catalog';
import { isApiError } from '../../../lib/api-client';
import { CATALOG_NOUNS } from '../../../lib/catalog-records';
import { useStatusToggle } from './status-toggle';
import type { FormHost } from './use-catalog-form';

type Props<E extends CatalogEntity> = {
  entity: E;
  /** null: a new record. */
  id: string | null;
  listTo: AppPath;
  listTitle: string;
  description: string;
  /** The form, for the copy of the record it starts from (null: a new one) and how to reload it. */
  children: (record: CatalogView<E> | null, host: FormHost<E> | null) => ReactNode;
};

/**
 * A full page for a big catalog form (carriers, packages): breadcrumbs, the record's name and
 * status with its Deactivate/Activate action, and the form. Loads the record fresh, never from a list.
 */
export function RecordEditorPage<E extends CatalogEntity>(props: Props<E>) {
  const { entity, id, listTo, listTitle, description, children } = props;
  const record = useCatalogRecord(entity, id);
  const noun = CATALOG_NOUNS[entity].one;
  const crumbs = (current: string) => (
    <Breadcrumbs separator="›" fz="sm">
      <Anchor component={Link} to={listTo} fz="sm">
        {listTitle}
      </Anchor>
      <Text fz="sm" c="dimmed" aria-current="page">
        {current}
      </Text>
    </Breadcrumbs>
  );

  if (id === null) {
    return (
      <Page>
        {crumbs('New')}
        <PageHeader title={`Create ${noun}`} description={description} />
        {children(null, null)}
      </Page>
    );
  }

  // A copy cached from an earlier visit is not what is stored now: wait for this visit's own fetch.
  if (record.isPending || (record.isSuccess && !record.isFetchedAfterMount)) {
    return (
      <Page>
        <Panel>
          <LoadingState label={`Loading ${noun}`} />
        </Panel>
      </Page>
    );
  }

  if (record.isError) {
    const missing = isApiError(record.error) && record.error.status === 404;
    return (
      <Page>
        {crumbs(missing ? 'Not found' : 'Error')}
        {missing ? (
          <Panel>
            <StateMessage
              icon={<IconFileUnknown size={24} />}
              color="gray"
              title={`This ${noun} does not exist`}
              action={
                <Button component={Link} to={listTo} variant="light">
                  Back to {listTitle}
                </Button>
              }
            >
              It may have been typed wrong in the address. Catalog records are never deleted.
            </StateMessage>
          </Panel>
        ) : (
          <ErrorAlert error={record.error} onRetry={() => void record.refetch()} title={`Could not load this ${noun}`} />
        )}
      </Page>
    );
  }

  return <LoadedRecordEditor {...props} loaded={record.data} crumbs={crumbs} />;
}

/**
 * The editor once its record is loaded. It keeps the copy the form started from: a background
 * refetch never changes what the form saves against, only a reload (after a conflict) or this
 * page's own Deactivate/Activate does.
 */
function LoadedRecordEditor<E extends CatalogEntity>({
  entity,
  children,
  loaded,
  crumbs,
}: Props<E> & { loaded: CatalogView<E>; crumbs: (current: string) => ReactNode }) {
  const status = useStatusToggle(entity);
  const noun = CATALOG_NOUNS[entity].one;
  const [state, setState] = useState({ base: loaded, key: 0, reloaded: false });
  const current = state.base;
  const host: FormHost<E> = {
    reloaded: state.reloaded,
    reload: (fresh) => setState((prev) => ({ base: fresh, key: prev.key + 1, reloaded: true })),
  };

  return (
    <Page>
      {crumbs(current.name)}
      <RecordHeader
        name={current.name}
        code={current.code}
        isActive={current.isActive}
        action={
          <Button
            variant="default"
            leftSection={current.isActive ? <IconPlayerPause size={16} aria-hidden /> : <IconPlayerPlay size={16} aria-hidden />}
            loading={status.pendingId === current.id}
            onClick={() =>
              status.toggle(current, {
                asLoaded: true,
                // Only the status changed: the form keeps what is typed and saves against the new version.
                onSaved: (saved) => setState((prev) => ({ ...prev, base: saved })),
                onConflict: host.reload,
              })
            }
          >
            {current.isActive ? `Deactivate ${noun}` : `Activate ${noun}`}
          </Button>
        }
      />
      <Fragment key={state.key}>{children(current, host)}</Fragment>
      {status.modal}
    </Page>
  );
}

/**
 * The page's h1 for a saved record: its name, with its code and status beside it. It takes focus
 * when the editor opens, so a screen reader starts from which record this is (a drawer's
 * `data-autofocus` does nothing on a page).
 */
function RecordHeader({ name, code, isActive, action }: { name: string; code: string; isActive: boolean; action: ReactNode }) {
  useDocumentTitle(name);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus({ preventScroll: true }), []);
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
      <div>
        <Title ref={headingRef} order={1} tabIndex={-1} style={{ outline: 'none' }}>
          {name}
        </Title>
        <Group gap="sm" mt={6}>
          <Text className="ld-mono" c="dimmed">
            {code}
          </Text>
          <StatusBadge isActive={isActive} />
        </Group>
      </div>
      {action}
    </Group>
  );
}
