import { Anchor, Breadcrumbs, Button, Text } from '@mantine/core';
import { IconFileUnknown } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link, type LinkProps } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { isApiError } from '../../lib/api-client';
import { Page } from './page';
import { ErrorAlert, LoadingState, Panel, StateMessage } from './status-state';

type Props<T> = {
  query: UseQueryResult<T>;
  size?: number;
  /** The list this record belongs to: the first crumb, and where "not found" sends the user. */
  parent: { to: LinkProps['to']; label: string };
  /** What the record is called in the loading and error words: "item", "order", "account". */
  noun: string;
  /** Shown when the address names a record that does not exist. */
  notFound: { action: string; children: ReactNode };
  /** The last crumb once the record has loaded. */
  current: (data: T) => string;
  children: (data: T) => ReactNode;
};

/** A record's page: the breadcrumbs, then its loading, failed and not-found states, then the record itself. */
export function DetailPage<T>({ query, size, parent, noun, notFound, current, children }: Props<T>) {
  const crumbs = (label: string) => (
    <Breadcrumbs separator="›" fz="sm">
      <Anchor component={Link} to={parent.to} fz="sm">
        {parent.label}
      </Anchor>
      <Text fz="sm" c="dimmed" aria-current="page">
        {label}
      </Text>
    </Breadcrumbs>
  );

  if (query.isPending) {
    return (
      <Page size={size}>
        {crumbs('Loading')}
        <Panel>
          <LoadingState label={`Loading the ${noun}`} />
        </Panel>
      </Page>
    );
  }

  if (query.isError) {
    const missing = isApiError(query.error) && (query.error.status === 404 || query.error.code === 'VALIDATION_FAILED');
    return (
      <Page size={size}>
        {crumbs(missing ? 'Not found' : 'Error')}
        {missing ? (
          <Panel>
            <StateMessage
              icon={<IconFileUnknown size={24} />}
              color="gray"
              title={`This ${noun} does not exist`}
              action={
                <Button component={Link} to={parent.to} variant="light">
                  {notFound.action}
                </Button>
              }
            >
              {notFound.children}
            </StateMessage>
          </Panel>
        ) : (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} title={`Could not load this ${noun}`} />
        )}
      </Page>
    );
  }

  return (
    <Page size={size}>
      {crumbs(current(query.data))}
      {children(query.data)}
    </Page>
  );
}
