import { ZLdRatePlanInput, type TLdRatePlan } from '@linedesk/domain';
import { Divider, Drawer, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { FieldErrors } from '../../../lib/form-errors';
import { millicentsToDollarText, readMillicents } from '../../../lib/money-input';
import { CodeField, FormActions, RateField, TextField } from '../common/fields';
import { newUid } from '../common/row-uid';
import { CatalogFormAlert } from '../common/catalog-form-alert';
import type { DrawerState } from '../common/use-drawer-state';
import { useCatalogForm, type FormHost } from '../common/use-catalog-form';
import { InternationalRatesEditor, type RateDraft } from './international-rates-editor';

type Props = { drawer: DrawerState<'ld-rate-plans'> };

export function LdRatePlanDrawer({ drawer }: Props) {
  return (
    <Drawer
      opened={drawer.opened}
      onClose={drawer.close}
      position="right"
      size="lg"
      title={drawer.record ? 'Edit long distance rate plan' : 'Create long distance rate plan'}
    >
      <LdRatePlanForm key={drawer.key} record={drawer.record} onDone={drawer.close} host={drawer.host} />
    </Drawer>
  );
}

function LdRatePlanForm({ record, onDone, host }: { record: TLdRatePlan | null; onDone: () => void; host: FormHost<'ld-rate-plans'> }) {
  const form = useCatalogForm('ld-rate-plans', record, onDone, host);
  const [code, setCode] = useState(record?.code ?? '');
  const [name, setName] = useState(record?.name ?? '');
  const [domestic, setDomestic] = useState(record ? millicentsToDollarText(record.domesticPerMinuteMillicents) : '');
  const [rates, setRates] = useState<RateDraft[]>(() =>
    (record?.internationalRates ?? []).map((rate) => ({
      uid: newUid(),
      countryCode: rate.countryCode,
      countryName: rate.countryName,
      rate: millicentsToDollarText(rate.perMinuteMillicents),
    })),
  );
  const { errors } = form;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parseErrors: FieldErrors = {};
    const domesticRate = readMillicents(domestic);
    if (domesticRate.error) parseErrors.domesticPerMinuteMillicents = domesticRate.error;
    const internationalRates = rates.map((rate, index) => {
      const parsed = readMillicents(rate.rate);
      if (parsed.error) parseErrors[`internationalRates.${index}.perMinuteMillicents`] = parsed.error;
      return { countryCode: rate.countryCode, countryName: rate.countryName, perMinuteMillicents: parsed.value };
    });
    form.submit(
      event.currentTarget,
      ZLdRatePlanInput,
      {
        code,
        name,
        domesticPerMinuteMillicents: domesticRate.value,
        internationalRates,
        isActive: record?.isActive ?? true,
      },
      parseErrors,
    );
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        <CatalogFormAlert state={form.alert} />
        <CodeField value={code} onChange={setCode} locked={record !== null} error={errors.code} autoFocus={record === null} />
        <TextField label="Name" value={name} onChange={setName} error={errors.name} />
        <RateField
          label="Domestic rate"
          description="Per minute, in dollars with up to 5 decimals: 0.0125 is 1.25¢."
          w={{ base: '100%', sm: 320 }}
          value={domestic}
          onChange={setDomestic}
          error={errors.domesticPerMinuteMillicents}
        />
        <Divider my={4} />
        <InternationalRatesEditor rates={rates} onChange={setRates} errors={errors} />
        <FormActions onCancel={onDone} submitLabel={form.submitLabel} loading={form.save.isPending} />
      </Stack>
    </form>
  );
}
