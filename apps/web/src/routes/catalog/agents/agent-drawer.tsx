import { ZAgentInput, type TAgent } from '@linedesk/domain';
import { Drawer, MultiSelect, Select, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useCatalogOptions } from '../../../hooks/api/catalog';
import { ALL_USERS, useUsers } from '../../../hooks/api/users';
import { referenceOptions } from '../../../lib/catalog-records';
import { blankToNull } from '../../../lib/text';
import { CodeField, FormActions, TextField } from '../common/fields';
import { CatalogFormAlert } from '../common/catalog-form-alert';
import type { DrawerState } from '../common/use-drawer-state';
import { useCatalogForm, type FormHost } from '../common/use-catalog-form';

type Props = { drawer: DrawerState<'agents'> };

export function AgentDrawer({ drawer }: Props) {
  return (
    <Drawer opened={drawer.opened} onClose={drawer.close} position="right" size="md" title={drawer.record ? 'Edit agent' : 'Create agent'}>
      <AgentForm key={drawer.key} record={drawer.record} onDone={drawer.close} host={drawer.host} />
    </Drawer>
  );
}

function AgentForm({ record, onDone, host }: { record: TAgent | null; onDone: () => void; host: FormHost<'agents'> }) {
  const form = useCatalogForm('agents', record, onDone, host);
  const agents = useCatalogOptions('agents');
  const users = useUsers(ALL_USERS);
  const [code, setCode] = useState(record?.code ?? '');
  const [name, setName] = useState(record?.name ?? '');
  const [parentCode, setParentCode] = useState<string | null>(record?.parentCode ?? null);
  const [email, setEmail] = useState(record?.email ?? '');
  const [phone, setPhone] = useState(record?.phone ?? '');
  const [salesPeople, setSalesPeople] = useState<string[]>(record?.salesPersonUserIds ?? []);
  const { errors } = form;

  // An agent cannot be its own parent; inactive users stay listed only if already chosen.
  const parentOptions = referenceOptions(
    agents.data?.filter((agent) => agent.code !== record?.code),
    [parentCode],
  );
  const userOptions = (users.data ?? [])
    .filter((user) => user.isActive || salesPeople.includes(user.id))
    .map((user) => ({ value: user.id, label: `${user.name} · ${user.email}${user.isActive ? '' : ' (inactive)'}` }));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.submit(event.currentTarget, ZAgentInput, {
      code,
      name,
      parentCode,
      email: blankToNull(email),
      phone: blankToNull(phone),
      salesPersonUserIds: salesPeople,
      isActive: record?.isActive ?? true,
    });
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        <CatalogFormAlert state={form.alert} />
        <CodeField value={code} onChange={setCode} locked={record !== null} error={errors.code} autoFocus={record === null} />
        <TextField label="Name" value={name} onChange={setName} error={errors.name} />
        <Select
          label="Parent agent"
          description="The master dealer this agent sells under, if any."
          placeholder="None"
          data={parentOptions}
          value={parentCode}
          onChange={setParentCode}
          searchable
          clearable
          nothingFoundMessage="No agent matches"
          error={errors.parentCode}
        />
        <TextField label="Email" type="email" value={email} onChange={setEmail} error={errors.email} />
        <TextField label="Phone" type="tel" value={phone} onChange={setPhone} error={errors.phone} />
        <MultiSelect
          label="Sales people"
          description="Users who sell for this agent; the order wizard offers them as the sales person."
          placeholder={salesPeople.length === 0 ? 'Choose users' : undefined}
          data={userOptions}
          value={salesPeople}
          onChange={setSalesPeople}
          searchable
          nothingFoundMessage="No active user matches"
          error={errors.salesPersonUserIds}
        />
        <FormActions onCancel={onDone} submitLabel={form.submitLabel} loading={form.save.isPending} />
      </Stack>
    </form>
  );
}
