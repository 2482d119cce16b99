import { ZLineTypeInput, type TLineType } from '@linedesk/domain';
import { Divider, Drawer, Group, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '../../../components/common/form-alert';
import { CodeField, DisplayOrderField, FormActions, TextField, readNumber } from '../common/fields';
import { useCatalogForm } from '../common/use-catalog-form';
import { PropertiesEditor } from './properties-editor';
import { blankPropertyErrors, fromPropertyDraft, toPropertyDraft, type PropertyDraft } from './property-drafts';

type Props = { opened: boolean; record: TLineType | null; formKey: number; onClose: () => void };

export function LineTypeDrawer({ opened, record, formKey, onClose }: Props) {
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="xl" title={record ? 'Edit line type' : 'Create line type'}>
      <LineTypeForm key={formKey} record={record} onDone={onClose} />
    </Drawer>
  );
}

function LineTypeForm({ record, onDone }: { record: TLineType | null; onDone: () => void }) {
  const form = useCatalogForm('line-types', record, onDone);
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
        <FormAlert error={form.save.error} />
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
