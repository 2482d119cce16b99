import { API_KEY_STATUS_LABELS, maskedApiKey, type ApiKeyStatus, type TApiKey } from '@linedesk/domain';
import { Badge, Button, Code, Stack, Table, Text } from '@mantine/core';
import { IconKeyOff } from '@tabler/icons-react';
import { RoleBadge } from '../../components/common/badges';
import { DataTable } from '../../components/common/data-table';
import { RelativeTime } from '../../components/common/relative-time';
import { formatDate, formatDateTime } from '../../lib/format';

const STATUS_COLORS: Record<ApiKeyStatus, string> = { active: 'green', expired: 'orange', revoked: 'gray' };

export function ApiKeyStatusBadge({ status }: { status: ApiKeyStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="dot" radius="sm" tt="none" fw={600}>
      {API_KEY_STATUS_LABELS[status]}
    </Badge>
  );
}

const API_KEY_COLUMNS = ['Name', 'Key', 'Role', 'Status', 'Created', 'Last used', 'Expires', { label: 'Actions', hidden: true }] as const;

export function ApiKeysTable({ apiKeys, onRevoke }: { apiKeys: TApiKey[]; onRevoke: (apiKey: TApiKey) => void }) {
  return (
    <DataTable label="API keys" columns={API_KEY_COLUMNS} minWidth={900} highlightOnHover verticalSpacing="sm">
      {apiKeys.map((apiKey) => (
        <Table.Tr key={apiKey.id} c={apiKey.status === 'active' ? undefined : 'dimmed'}>
          <Table.Td>
            <Text fz="sm" fw={600}>
              {apiKey.name}
            </Text>
          </Table.Td>
          <Table.Td>
            <Code style={{ whiteSpace: 'nowrap' }}>{maskedApiKey(apiKey.prefix)}</Code>
          </Table.Td>
          <Table.Td>
            <RoleBadge role={apiKey.role} />
          </Table.Td>
          <Table.Td>
            <Stack gap={2}>
              <ApiKeyStatusBadge status={apiKey.status} />
              {apiKey.revokedAt && (
                <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(apiKey.revokedAt)}
                </Text>
              )}
            </Stack>
          </Table.Td>
          <Table.Td>
            <Stack gap={0}>
              <RelativeTime iso={apiKey.createdAt} />
              <Text fz="xs" c="dimmed">
                by {apiKey.createdBy.name}
              </Text>
            </Stack>
          </Table.Td>
          <Table.Td>
            {apiKey.lastUsedAt ? (
              <RelativeTime iso={apiKey.lastUsedAt} />
            ) : (
              <Text fz="sm" c="dimmed">
                Never
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            {apiKey.expiresAt ? (
              <Text component="time" dateTime={apiKey.expiresAt} fz="sm" title={formatDateTime(apiKey.expiresAt)} style={{ whiteSpace: 'nowrap' }}>
                {formatDate(apiKey.expiresAt)}
              </Text>
            ) : (
              <Text fz="sm" c="dimmed">
                Never
              </Text>
            )}
          </Table.Td>
          <Table.Td ta="right">
            {apiKey.status !== 'revoked' && (
              <Button
                variant="subtle"
                color="red"
                size="xs"
                leftSection={<IconKeyOff size={14} aria-hidden />}
                aria-label={`Revoke ${apiKey.name}`}
                onClick={() => onRevoke(apiKey)}
              >
                Revoke
              </Button>
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
