import { Anchor, Breadcrumbs, Button, Group, Text, Title } from '@mantine/core';
import { IconFileUnknown, IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { StatusBadge } from '../../../components/common/badges';
import { Page, PageHeader, useDocumentTitle } from '../../../components/common/page';
import { ErrorAlert, LoadingState, Panel, StateMessage } from '../../../components/common/status-state';
import type { AppPath } from '../../../components/nav/nav-items';
import { useCatalogRecord, type CatalogEntity, type CatalogView } from '../../../hooks/api/catalog';
import { isApiError } from '../../../lib/api-client';
import { CATALOG_NOUNS } from '../../../lib/catalog-records';
import { useStatusToggle } from './status-toggle';

type Props<E extends CatalogEntity> = {
  entity: E;
  /** null: a new record. */
  id: string | null;
  listTo: AppPath;
  listTitle: string;
  description: string;
  children: (record: CatalogView<E> | null) => ReactNode;
};

/**
 * A full page for a big catalog form (carriers, packages): breadcrumbs, the record's name and
 * status with its Deactivate/Activate action, and the form. Loads the record fresh, never from a list.
 */
export function RecordEditorPage<E extends CatalogEntity>({ entity, id, listTo, listTitle, description, children }: Props<E>) {
  const record = useCatalogRecord(entity, id);
  const status = useStatusToggle(entity);
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
        {children(null)}
      </Page>
    );
  }

  if (record.isPending) {
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

  const current = record.data;
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
            onClick={() => status.toggle(current)}
          >
            {current.isActive ? `Deactivate ${noun}` : `Activate ${noun}`}
          </Button>
        }
      />
      {children(current)}
      {status.modal}
    </Page>
  );
}

/** The page's h1 for a saved record: its name, with its code and status beside it. */
function RecordHeader({ name, code, isActive, action }: { name: string; code: string; isActive: boolean; action: ReactNode }) {
  useDocumentTitle(name);
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
      <div>
        <Title order={1}>{name}</Title>
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
