import { WIZARD_STEP_LABELS, type TDraftSummary } from '@linedesk/domain';
import { Badge, Button, Group, SegmentedControl, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconFiles, IconPlayerPlay, IconPlus, IconTrash } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { Page, PageHeader } from '../../../components/common/page';
import { RelativeTime } from '../../../components/common/relative-time';
import { ErrorAlert, LoadingState, Panel, StateMessage } from '../../../components/common/status-state';
import { useCurrentUser } from '../../../components/layout/current-user';
import { useDrafts } from '../../../hooks/api/wizard';
import { formatDateTime } from '../../../lib/format';
import { DiscardDraftModal } from './discard-draft-modal';
import { RequireRole } from '../../../components/common/require-role';
import { SIGN_UP_ROLES } from '../../../lib/access';
import './wizard.css';

type Whose = 'mine' | 'all';

/** `/customers/drafts`: New Customer Wizard drafts not yet turned into orders, to resume or discard. */
export function DraftsPage() {
  return (
    <RequireRole roles={SIGN_UP_ROLES}>
      <Drafts />
    </RequireRole>
  );
}

function Drafts() {
  const user = useCurrentUser();
  const drafts = useDrafts();
  const [whose, setWhose] = useState<Whose>('mine');
  const [discarding, setDiscarding] = useState<TDraftSummary | null>(null);
  const shown = (drafts.data ?? []).filter((draft) => whose === 'all' || draft.createdBy.id === user.id);

  return (
    <Page>
      <PageHeader
        title="Open drafts"
        description="Customers started in Create New and not yet ordered. Drafts are deleted when they expire."
        actions={
          <Button component={Link} to="/customers/new" leftSection={<IconPlus size={16} aria-hidden />}>
            Create New
          </Button>
        }
      />
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <SegmentedControl
            aria-label="Whose drafts"
            data={[
              { value: 'mine', label: 'Mine' },
              { value: 'all', label: 'Everyone’s' },
            ]}
            value={whose}
            onChange={(value) => setWhose(value as Whose)}
          />
          {drafts.data && (
            <Text fz="sm" c="dimmed" aria-live="polite">
              {shown.length === 1 ? '1 draft' : `${shown.length} drafts`}
            </Text>
          )}
        </Group>
        {drafts.isPending ? (
          <Panel>
            <LoadingState label="Loading drafts" />
          </Panel>
        ) : drafts.isError ? (
          <ErrorAlert error={drafts.error} onRetry={() => void drafts.refetch()} />
        ) : shown.length === 0 ? (
          <Panel>
            <StateMessage
              icon={<IconFiles size={24} />}
              title={whose === 'mine' ? 'You have no open drafts' : 'No open drafts'}
              action={
                <Button component={Link} to="/customers/new" variant="light">
                  Create New
                </Button>
              }
            >
              A draft is kept from the first step of Create New until Create Order.
            </StateMessage>
          </Panel>
        ) : (
          <Panel>
            <div className="ld-table-wrap">
              <Table aria-label="Open drafts" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Customer</Table.Th>
                    <Table.Th scope="col">Carrier</Table.Th>
                    <Table.Th scope="col">Next step</Table.Th>
                    <Table.Th scope="col" ta="right">
                      Lines
                    </Table.Th>
                    <Table.Th scope="col">Created by</Table.Th>
                    <Table.Th scope="col">Last change</Table.Th>
                    <Table.Th scope="col">Expires</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((draft) => (
                    <Table.Tr key={draft.id}>
                      <Table.Td>
                        <Text fz="sm" fw={600}>
                          {draft.title}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm">{draft.carrierName ?? '—'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" radius="sm" tt="none" fw={600}>
                          {WIZARD_STEP_LABELS[draft.nextStep]}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text fz="sm">{draft.lineCount}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm">
                          {draft.createdBy.name}
                          {draft.createdBy.id === user.id && (
                            <Text component="span" fz="xs" c="dimmed" ml={4}>
                              (you)
                            </Text>
                          )}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <RelativeTime iso={draft.updatedAt} />
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>
                          {formatDateTime(draft.expiresAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Button
                            renderRoot={(props) => <Link to="/customers/new/$draftId" params={{ draftId: draft.id }} {...props} />}
                            size="xs"
                            variant="light"
                            leftSection={<IconPlayerPlay size={14} aria-hidden />}
                            aria-label={`Resume ${draft.title}`}
                          >
                            Resume
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            leftSection={<IconTrash size={14} aria-hidden />}
                            aria-label={`Discard ${draft.title}`}
                            onClick={() => setDiscarding(draft)}
                          >
                            Discard
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          </Panel>
        )}
      </Stack>
      <DiscardDraftModal draft={discarding} onClose={() => setDiscarding(null)} />
    </Page>
  );
}
