import { Table, Text } from '@mantine/core';
import { IconActivity } from '@tabler/icons-react';
import { RelativeTime } from '../../components/common/relative-time';
import { ErrorAlert, LoadingState, Panel, StateMessage } from '../../components/common/status-state';
import { useMyActivity } from '../../hooks/api/audit';
import { actionLabel, describeDetail, describeSubject } from '../../lib/audit-format';

/** The signed-in user's last few actions, from their own slice of the audit trail. */
export function RecentActivity({ userId }: { userId: string }) {
  const activity = useMyActivity(10);

  if (activity.isPending) return <Panel><LoadingState label="Loading your activity" /></Panel>;
  if (activity.isError) return <ErrorAlert error={activity.error} onRetry={() => void activity.refetch()} />;

  const entries = activity.data.entries;
  if (entries.length === 0) {
    return (
      <Panel>
        <StateMessage icon={<IconActivity size={24} />} title="No activity yet">
          What you do in LineDesk (signing in, changing your password, editing records) will show up here.
        </StateMessage>
      </Panel>
    );
  }

  return (
    <Panel>
      <div className="ld-table-wrap">
        <Table aria-label="Your recent activity" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={180}>When</Table.Th>
              <Table.Th scope="col" w={220}>Action</Table.Th>
              <Table.Th scope="col">What</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>
                  <RelativeTime iso={entry.at} />
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" fw={500}>
                    {actionLabel(entry.action)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" c="dimmed">
                    {[describeSubject(entry, userId), describeDetail(entry)].filter(Boolean).join(' · ')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Panel>
  );
}
