import { ZLineTypeInput, type TLineType } from '@linedesk/domain';
import { Divider, Drawer, Group, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { CodeField, DisplayOrderField, FormActions, TextField, readNumber } from '../common/fields';
import { CatalogFormAlert } from '../common/catalog-form-alert';
import type { DrawerState } from '../common/use-drawer-state';
import { useCatalogForm, type FormHost } from '../common/use-catalog-form';
import { PropertiesEditor } from './properties-editor';
import { blankPropertyErrors, fromPropertyDraft, toPropertyDraft, type PropertyDraft } from './property-drafts';

type Props = { drawer: DrawerState<'line-types'> };

export function LineTypeDrawer({ drawer }: Props) {
  return (
    <Drawer opened={drawer.opened} onClose={drawer.close} position="right" size="xl" title={drawer.record ? 'Edit line type' : 'Create line type'}>
      <LineTypeForm key={drawer.key} record={drawer.record} onDone={drawer.close} host={drawer.host} />
    </Drawer>
  );
}

function LineTypeForm({ record, onDone, host }: { record: TLineType | null; onDone: () => void; host: FormHost<'line-types'> }) {
  const form = useCatalogForm('line-types', record, onDone, host);
  const [code, setCode] = useState(record?.code ?? '');
  const [name, setName] = useState(record?.name ?? '');
  const [description, setDescription] = useState(record?.description ?? '');
  const [displayOrder, setDisplayOrder] = useState<number | string>(record?.displayOrder ?? 100);
  const [properties, setProperties] = useState<PropertyDraft[]>(() => (record?.properties ?? []).map(toPropertyDraft));
  const { errors } = form;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.submit(
      event.currentTarget,
      ZLineTypeInput,
      {
        code,
        name,
        description,
        displayOrder: readNumber(displayOrder, 100),
        properties: properties.map(fromPropertyDraft),
        isActive: record?.isActive ?? true,
      },
      blankPropertyErrors(properties),
    );
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        <CatalogFormAlert state={form.alert} />
        <Group grow align="flex-start">
          <CodeField value={code} onChange={setCode} locked={record !== null} error={errors.code} autoFocus={record === null} />
          <DisplayOrderField value={displayOrder} onChange={setDisplayOrder} error={errors.displayOrder} />
        </Group>
        <TextField label="Name" description="Shown to agents, e.g. Smartphone or Tablet." value={name} onChange={setName} error={errors.name} />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          maxRows={5}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={errors.description}
        />
        <Divider my={4} />
        <PropertiesEditor properties={properties} onChange={setProperties} errors={errors} />
        <FormActions onCancel={onDone} submitLabel={form.submitLabel} loading={form.save.isPending} />
      </Stack>
    </form>
  );
}
