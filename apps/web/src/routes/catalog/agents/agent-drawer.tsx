import { ZAgentInput, type TAgent } from '@linedesk/domain';
import { Drawer, MultiSelect, Select, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '../../../components/common/form-alert';
import { useCatalogOptions } from '../../../hooks/api/catalog';
import { useUsers } from '../../../hooks/api/users';
import { referenceOptions } from '../../../lib/catalog-records';
import { CodeField, FormActions, TextField } from '../common/fields';
import { useCatalogForm } from '../common/use-catalog-form';

type Props = { opened: boolean; record: TAgent | null; formKey: number; onClose: () => void };

export function AgentDrawer({ opened, record, formKey, onClose }: Props) {
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="md" title={record ? 'Edit agent' : 'Create agent'}>
      <AgentForm key={formKey} record={record} onDone={onClose} />
    </Drawer>
  );
}

const blankToNull = (text: string) => (text.trim() === '' ? null : text.trim());

function AgentForm({ record, onDone }: { record: TAgent | null; onDone: () => void }) {
  const form = useCatalogForm('agents', record, onDone);
  const agents = useCatalogOptions('agents');
  const users = useUsers({ search: '', role: '', status: 'all' });
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
        <FormAlert error={form.save.error} />
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
