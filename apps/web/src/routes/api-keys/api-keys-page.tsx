import { API_KEY_STATUS_LABELS, API_KEY_STATUSES, type ApiKeyStatus, type TApiKey } from '@linedesk/domain';
import { Button, Code, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Page, PageHeader } from '../../components/common/page';
import { ErrorAlert, LoadingState, Panel, StateMessage } from '../../components/common/status-state';
import { useApiKeys } from '../../hooks/api/api-keys';
import { ApiCustomerDefaultsSection } from './api-customer-defaults-section';
import { ApiKeysTable } from './api-keys-table';
import { CreateApiKeyModal } from './create-api-key-modal';
import { EventSubscriptionsSection } from './event-subscriptions-section';
import { IntegrationSection } from './integration-section';
import { RevokeApiKeyModal } from './revoke-api-key-modal';

type StatusFilter = ApiKeyStatus | 'all';
const STATUS_OPTIONS = [{ value: 'all', label: 'All statuses' }, ...API_KEY_STATUSES.map((status) => ({ value: status, label: API_KEY_STATUS_LABELS[status] }))];

export function ApiKeysPage() {
  const apiKeys = useApiKeys();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [dialog, setDialog] = useState<{ kind: 'none' | 'create' | 'revoke'; apiKey: TApiKey | null; key: number }>({
    kind: 'none',
    apiKey: null,
    key: 0,
  });
  const openCreate = () => setDialog((prev) => ({ kind: 'create', apiKey: prev.apiKey, key: prev.key + 1 }));
  const openRevoke = (apiKey: TApiKey) => setDialog((prev) => ({ kind: 'revoke', apiKey, key: prev.key + 1 }));
  const closeDialog = () => setDialog((prev) => ({ ...prev, kind: 'none' }));
  const shown = apiKeys.data?.filter((apiKey) => status === 'all' || apiKey.status === status) ?? [];

  return (
    <Page>
      <PageHeader
        title="Integrations"
        description="How other systems (CRMs, dealer portals, e-commerce) work with LineDesk: the keys they call the API with, the events they subscribe to, and what the customers they create get by default."
      />
      <IntegrationSection
        title="API Keys"
        description={
          <>
            Sent as <Code>Authorization: Bearer …</Code> to the LineDesk API and the TM Forum Open APIs (<Code>/tmf-api</Code>). Each key
            may do what its role may.
          </>
        }
        aside={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={openCreate}>
            Create API key
          </Button>
        }
      >
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end" wrap="wrap">
            <NativeSelect
              label="Status"
              data={STATUS_OPTIONS}
              value={status}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setStatus(value === 'all' || (API_KEY_STATUSES as readonly string[]).includes(value) ? (value as StatusFilter) : 'all');
              }}
              w={{ base: '100%', xs: 170 }}
            />
            {apiKeys.data && (
              <Text fz="sm" c="dimmed" aria-live="polite">
                {shown.length === 1 ? '1 key' : `${shown.length} keys`}
              </Text>
            )}
          </Group>
          {apiKeys.isPending ? (
            <Panel>
              <LoadingState label="Loading API keys" />
            </Panel>
          ) : apiKeys.isError ? (
            <ErrorAlert error={apiKeys.error} onRetry={() => void apiKeys.refetch()} />
          ) : apiKeys.data.length === 0 ? (
            <Panel>
              <StateMessage
                icon={<IconKey size={24} />}
                title="No API keys yet"
                action={
                  <Button variant="light" onClick={openCreate}>
                    Create API key
                  </Button>
                }
              >
                Create a key for each integration, with the role it needs. You can revoke a key at any time.
              </StateMessage>
            </Panel>
          ) : shown.length === 0 ? (
            <Panel>
              <StateMessage
                icon={<IconKey size={24} />}
                title="No keys with this status"
                action={
                  <Button variant="light" onClick={() => setStatus('all')}>
                    Show all keys
                  </Button>
                }
              />
            </Panel>
          ) : (
            <Panel>
              <ApiKeysTable apiKeys={shown} onRevoke={openRevoke} />
            </Panel>
          )}
        </Stack>
      </IntegrationSection>
      <ApiCustomerDefaultsSection />
      <EventSubscriptionsSection />
      <CreateApiKeyModal opened={dialog.kind === 'create'} formKey={dialog.key} onClose={closeDialog} />
      <RevokeApiKeyModal opened={dialog.kind === 'revoke'} apiKey={dialog.apiKey} onClose={closeDialog} />
    </Page>
  );
}
