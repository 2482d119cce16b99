import { BILL_METHOD_LABELS, BILL_METHODS, ZBillMethod, ZBillProfileInput, type BillMethod, type TBillProfile } from '@linedesk/domain';
import { Drawer, NativeSelect, NumberInput, Stack, Switch } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { CodeField, FormActions, TextField, readNumber } from '../common/fields';
import { CatalogFormAlert } from '../common/catalog-form-alert';
import type { DrawerState } from '../common/use-drawer-state';
import { useCatalogForm, type FormHost } from '../common/use-catalog-form';

type Props = { drawer: DrawerState<'bill-profiles'> };

const METHOD_OPTIONS = BILL_METHODS.map((method) => ({ value: method, label: BILL_METHOD_LABELS[method] }));

/** Create (no record) or edit a bill profile; keyed per opening so edits never leak between records. */
export function BillProfileDrawer({ drawer }: Props) {
  return (
    <Drawer opened={drawer.opened} onClose={drawer.close} position="right" size="md" title={drawer.record ? 'Edit bill profile' : 'Create bill profile'}>
      <BillProfileForm key={drawer.key} record={drawer.record} onDone={drawer.close} host={drawer.host} />
    </Drawer>
  );
}

function BillProfileForm({ record, onDone, host }: { record: TBillProfile | null; onDone: () => void; host: FormHost<'bill-profiles'> }) {
  const form = useCatalogForm('bill-profiles', record, onDone, host);
  const [code, setCode] = useState(record?.code ?? '');
  const [name, setName] = useState(record?.name ?? '');
  const [method, setMethod] = useState<BillMethod>(record?.defaultBillMethod ?? 'EMAIL');
  const [termsDays, setTermsDays] = useState<number | string>(record?.termsDays ?? 30);
  const [isDefaultResidential, setDefaultResidential] = useState(record?.isDefaultResidential ?? false);
  const [isDefaultBusiness, setDefaultBusiness] = useState(record?.isDefaultBusiness ?? false);
  const { errors } = form;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.submit(event.currentTarget, ZBillProfileInput, {
      code,
      name,
      defaultBillMethod: method,
      termsDays: readNumber(termsDays, 30),
      isDefaultResidential,
      isDefaultBusiness,
      isActive: record?.isActive ?? true,
    });
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        <CatalogFormAlert state={form.alert} />
        <CodeField value={code} onChange={setCode} locked={record !== null} error={errors.code} autoFocus={record === null} />
        <TextField label="Name" value={name} onChange={setName} error={errors.name} />
        <NativeSelect
          label="Default bill method"
          description="How new accounts with this profile receive their bill."
          data={METHOD_OPTIONS}
          value={method}
          onChange={(event) => {
            const parsed = ZBillMethod.safeParse(event.currentTarget.value);
            if (parsed.success) setMethod(parsed.data);
          }}
          error={errors.defaultBillMethod}
        />
        <NumberInput
          label="Payment terms (days)"
          description="Days from the bill date until payment is due; 0 means due on receipt."
          allowDecimal={false}
          allowNegative={false}
          min={0}
          max={120}
          value={termsDays}
          onChange={setTermsDays}
          error={errors.termsDays}
        />
        <Switch
          label="Default for residential accounts"
          checked={isDefaultResidential}
          onChange={(event) => setDefaultResidential(event.currentTarget.checked)}
          error={errors.isDefaultResidential}
        />
        <Switch
          label="Default for business accounts"
          checked={isDefaultBusiness}
          onChange={(event) => setDefaultBusiness(event.currentTarget.checked)}
          error={errors.isDefaultBusiness}
        />
        <FormActions onCancel={onDone} submitLabel={form.submitLabel} loading={form.save.isPending} />
      </Stack>
    </form>
  );
}
