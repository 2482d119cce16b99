import { ZTacInput, type TTac } from '@linedesk/domain';
import { ActionIcon, Button, Drawer, Group, Modal, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceMobile, IconPencil, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '../../../components/common/form-alert';
import { Page, PageHeader } from '../../../components/common/page';
import { ErrorAlert, LoadingState, Panel, StateMessage } from '../../../components/common/status-state';
import { useCurrentUser } from '../../../components/layout/current-user';
import { useDeleteTac, useSaveTac, useTacs } from '../../../hooks/api/inventory';
import { ADMIN_ONLY, canAccess } from '../../../lib/access';
import { serverFieldErrors, validateWith } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { FormActions, TextField } from '../../catalog/common/fields';

type Editing = { entry: TTac | null } | null;

/** Inventory > TAC Table: the make and model of a device by the first 8 digits of its IMEI. Admins keep it. */
export function TacsPage() {
  const user = useCurrentUser();
  const canEdit = canAccess(user.role, ADMIN_ONLY);
  const tacs = useTacs();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<TTac | null>(null);
  const needle = search.trim().toLowerCase();
  const rows = (tacs.data ?? []).filter((entry) => !needle || `${entry.tac} ${entry.make} ${entry.model}`.toLowerCase().includes(needle));

  return (
    <Page size={1100}>
      <PageHeader
        title="TAC Table"
        description="The first 8 digits of an IMEI (the TAC) name a device's make and model. A device received without them shows the name given here."
        actions={
          canEdit && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ entry: null })}>
              Add TAC
            </Button>
          )
        }
      />
      <TextInput
        label="Search the TAC table"
        placeholder="TAC, make or model"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={420}
        autoComplete="off"
      />
      {tacs.isPending ? (
        <Panel>
          <LoadingState label="Loading the TAC table" />
        </Panel>
      ) : tacs.isError ? (
        <ErrorAlert error={tacs.error} onRetry={() => void tacs.refetch()} title="Could not load the TAC table" />
      ) : rows.length === 0 ? (
        <Panel>
          <StateMessage icon={<IconDeviceMobile size={24} />} color="gray" title={needle ? `No TAC entry matches “${search.trim()}”` : 'The TAC table is empty'}>
            {canEdit ? 'Add the TACs of the devices you stock, so they show a make and model however they were received.' : 'An admin adds the TACs of the devices you stock.'}
          </StateMessage>
        </Panel>
      ) : (
        <Panel>
          <div className="ld-table-wrap">
            <Table aria-label="TAC table" highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">TAC</Table.Th>
                  <Table.Th scope="col">Make</Table.Th>
                  <Table.Th scope="col">Model</Table.Th>
                  <Table.Th scope="col">Last change</Table.Th>
                  {canEdit && (
                    <Table.Th scope="col" ta="right">
                      Actions
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((entry) => (
                  <Table.Tr key={entry.tac}>
                    <Table.Td>
                      <Text fz="sm" className="ld-mono" fw={600}>
                        {entry.tac}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm">{entry.make}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm">{entry.model}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm" c="dimmed">
                        {formatDateTime(entry.updatedAt)}
                      </Text>
                    </Table.Td>
                    {canEdit && (
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Tooltip label="Edit" withinPortal>
                            <ActionIcon variant="subtle" color="gray" aria-label={`Edit TAC ${entry.tac}`} onClick={() => setEditing({ entry })}>
                              <IconPencil size={16} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label="Delete" withinPortal>
                            <ActionIcon variant="subtle" color="red" aria-label={`Delete TAC ${entry.tac}`} onClick={() => setDeleting(entry)}>
                              <IconTrash size={16} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </Panel>
      )}
      <Drawer opened={editing !== null} onClose={() => setEditing(null)} position="right" size="md" title={editing?.entry ? `Edit TAC ${editing.entry.tac}` : 'Add TAC'}>
        {editing && <TacForm entry={editing.entry} onDone={() => setEditing(null)} />}
      </Drawer>
      <DeleteTacModal entry={deleting} onClose={() => setDeleting(null)} />
    </Page>
  );
}

function TacForm({ entry, onDone }: { entry: TTac | null; onDone: () => void }) {
  const save = useSaveTac();
  const [tac, setTac] = useState(entry?.tac ?? '');
  const [make, setMake] = useState(entry?.make ?? '');
  const [model, setModel] = useState(entry?.model ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const shown = { ...serverFieldErrors(save.error), ...errors };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = validateWith(ZTacInput, { tac, make, model });
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    save.mutate(
      { existing: entry?.tac ?? null, input: parsed.data },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', title: entry ? 'TAC saved' : 'TAC added', message: `${saved.tac}: ${saved.make} ${saved.model}` });
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <FormAlert error={save.error} />
        <TextField
          label="TAC"
          description={entry ? 'An entry keeps its TAC.' : 'The first 8 digits of the IMEI.'}
          value={tac}
          onChange={(value) => setTac(value.replace(/\D/g, '').slice(0, 8))}
          readOnly={entry !== null}
          inputMode="numeric"
          className="ld-code-input"
          error={shown.tac}
          autoFocus={entry === null}
          required
        />
        <TextField label="Make" placeholder="e.g. Aurora" value={make} onChange={setMake} error={shown.make} maxLength={80} autoFocus={entry !== null} required />
        <TextField label="Model" placeholder="e.g. Aurora X5 128 GB" value={model} onChange={setModel} error={shown.model} maxLength={120} required />
        <FormActions onCancel={onDone} submitLabel={entry ? 'Save' : 'Add TAC'} loading={save.isPending} />
      </Stack>
    </form>
  );
}

function DeleteTacModal({ entry, onClose }: { entry: TTac | null; onClose: () => void }) {
  const remove = useDeleteTac();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={entry !== null} onClose={close} title={`Delete TAC ${entry?.tac ?? ''}?`}>
      <Stack gap="md">
        <Text fz="sm">
          Devices with this TAC and no make or model of their own will show none. Devices received with a make and model keep theirs.
        </Text>
        <FormAlert error={remove.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} data-autofocus>
            Keep it
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              entry &&
              remove.mutate(entry.tac, {
                onSuccess: () => {
                  notifications.show({ color: 'green', title: 'TAC deleted', message: `${entry.tac}: ${entry.make} ${entry.model}` });
                  close();
                },
              })
            }
          >
            Delete TAC
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
