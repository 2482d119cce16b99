import type { TTmfHubView } from '@linedesk/domain';
import { Badge, Button, Code, Group, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconBellOff, IconBroadcast } from '@tabler/icons-react';
import { useState } from 'react';
import { DataTable } from '../../components/common/data-table';
import { RelativeTime } from '../../components/common/relative-time';
import { ErrorAlert, LoadingState, Panel, StateMessage } from '../../components/common/status-state';
import { useTmfHubs } from '../../hooks/api/integrations';
import { IntegrationSection } from './integration-section';
import { UnsubscribeHubModal } from './unsubscribe-hub-modal';

/**
 * Admin: the TM Forum event subscriptions (hubs) integrations made with `POST /tmf-api/<api>/hub`,
 * with how their deliveries stand, and Unsubscribe.
 */
export function EventSubscriptionsSection() {
  const hubs = useTmfHubs();
  const [dialog, setDialog] = useState<{ opened: boolean; hub: TTmfHubView | null }>({ opened: false, hub: null });

  return (
    <IntegrationSection
      title="Event subscriptions"
      description={
        <>
          Integrations subscribe to an API’s events with <Code>POST /tmf-api/&lt;api&gt;/hub</Code>; LineDesk posts each event to the
          callback URL and retries until it answers 2xx (at most 10 tries).
        </>
      }
      aside={
        hubs.data && (
          <Text fz="sm" c="dimmed" aria-live="polite">
            {hubs.data.length === 1 ? '1 subscription' : `${hubs.data.length} subscriptions`}
          </Text>
        )
      }
    >
      {hubs.isPending ? (
        <Panel>
          <LoadingState label="Loading event subscriptions" />
        </Panel>
      ) : hubs.isError ? (
        <ErrorAlert error={hubs.error} onRetry={() => void hubs.refetch()} title="Could not load the event subscriptions" />
      ) : hubs.data.length === 0 ? (
        <Panel>
          <StateMessage icon={<IconBroadcast size={24} />} title="No event subscriptions">
            When an integration subscribes to customer, order, product, stock or catalog events, its callback is listed here.
          </StateMessage>
        </Panel>
      ) : (
        <Panel>
          <HubsTable hubs={hubs.data} onUnsubscribe={(hub) => setDialog({ opened: true, hub })} />
        </Panel>
      )}
      <UnsubscribeHubModal opened={dialog.opened} hub={dialog.hub} onClose={() => setDialog((prev) => ({ ...prev, opened: false }))} />
    </IntegrationSection>
  );
}

const HUB_COLUMNS = ['API', 'Callback URL', 'Filter', 'Deliveries', 'Created', { label: 'Actions', hidden: true }] as const;

function HubsTable({ hubs, onUnsubscribe }: { hubs: TTmfHubView[]; onUnsubscribe: (hub: TTmfHubView) => void }) {
  return (
    <DataTable label="Event subscriptions" columns={HUB_COLUMNS} minWidth={900} highlightOnHover verticalSpacing="sm">
      {hubs.map((hub) => (
        <Table.Tr key={hub.id}>
          <Table.Td>
            <Text fz="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {hub.apiName}
            </Text>
            <Text fz="xs" c="dimmed">
              {hub.api}
            </Text>
          </Table.Td>
          <Table.Td maw={320}>
            <Text fz="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
              {hub.callback}
            </Text>
          </Table.Td>
          <Table.Td maw={260}>
            {hub.query ? (
              <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>{hub.query}</Code>
            ) : (
              <Text fz="sm" c="dimmed">
                All events
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <Deliveries deliveries={hub.deliveries} />
          </Table.Td>
          <Table.Td>
            <Stack gap={0}>
              <RelativeTime iso={hub.createdAt} />
              <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                by {hub.createdBy}
              </Text>
            </Stack>
          </Table.Td>
          <Table.Td ta="right">
            <Button
              variant="subtle"
              color="red"
              size="xs"
              leftSection={<IconBellOff size={14} aria-hidden />}
              aria-label={`Unsubscribe ${hub.callback} from ${hub.apiName} events`}
              onClick={() => onUnsubscribe(hub)}
            >
              Unsubscribe
            </Button>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

/** Waiting and given-up deliveries, and the callback's latest error; "Up to date" when nothing is outstanding. */
function Deliveries({ deliveries }: { deliveries: TTmfHubView['deliveries'] }) {
  const { waiting, failed, lastError, lastErrorAt } = deliveries;
  if (waiting === 0 && failed === 0) {
    return (
      <Text fz="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        Up to date
      </Text>
    );
  }
  return (
    <Stack gap={4} align="flex-start">
      <Group gap={6} wrap="nowrap">
        {waiting > 0 && (
          <Badge color="blue" variant="light" radius="sm" tt="none" fw={600}>
            {waiting} waiting
          </Badge>
        )}
        {failed > 0 && (
          <Badge color="red" variant="light" radius="sm" tt="none" fw={600}>
            {failed} failed
          </Badge>
        )}
      </Group>
      {lastError && (
        <Tooltip label={lastError} multiline maw={420} withinPortal openDelay={200}>
          <Text fz="xs" c="red.7" lineClamp={1} maw={240} tabIndex={0}>
            {lastError}
            {lastErrorAt && <VisuallyHidden> (at {lastErrorAt})</VisuallyHidden>}
          </Text>
        </Tooltip>
      )}
    </Stack>
  );
}
