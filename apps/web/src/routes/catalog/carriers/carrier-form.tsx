import { ZCarrierInput, type NumberAssignment, type OrderType, type TCarrier } from '@linedesk/domain';
import { Group, Radio, Select, Stack, Switch, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { useCatalogOptions } from '../../../hooks/api/catalog';
import { referenceOptions } from '../../../lib/catalog-records';
import type { FieldErrors } from '../../../lib/form-errors';
import { CatalogFormAlert } from '../common/catalog-form-alert';
import { CodeField, DisplayOrderField, EditorActions, OrderTypesField, TextField, readNumber } from '../common/fields';
import { FormSection } from '../common/form-section';
import { newUid } from '../common/row-uid';
import { useCatalogForm, type FormHost } from '../common/use-catalog-form';
import { IdentifierRequirementsEditor, type RequirementDraft } from './identifier-requirements-editor';
import { ProvisioningFields, provisioningPayload, type ProvisioningDraft } from './provisioning-fields';

const NUMBER_ASSIGNMENT_LABELS: Record<NumberAssignment, { label: string; description: string }> = {
  AREA_CODE: { label: 'Area code', description: 'The agent asks for a number in an area code.' },
  ZIP: { label: 'ZIP code', description: 'The carrier picks a local number for a ZIP code.' },
};

/** Create (no record) or edit a carrier: what it sells on, what it needs on a line, how orders reach it. */
export function CarrierForm({ record, host }: { record: TCarrier | null; host: FormHost<'carriers'> | null }) {
  const navigate = useNavigate();
  const form = useCatalogForm('carriers', record, () => void navigate({ to: '/catalog/carriers' }), host);
  const billProfiles = useCatalogOptions('bill-profiles');
  const lineTypes = useCatalogOptions('line-types');
  const populatesHintId = useId();
  const flowHintId = useId();

  const [code, setCode] = useState(record?.code ?? '');
  const [name, setName] = useState(record?.name ?? '');
  const [displayOrder, setDisplayOrder] = useState<number | string>(record?.displayOrder ?? 100);
  const [billProfileCode, setBillProfileCode] = useState<string | null>(record?.defaultBillProfileCode ?? null);
  const [orderTypes, setOrderTypes] = useState<OrderType[]>(record?.orderTypes ?? ['NEW', 'CONVERSION']);
  const [populatesProducts, setPopulatesProducts] = useState(record?.populatesProducts ?? true);
  const [numberAssignment, setNumberAssignment] = useState<NumberAssignment>(record?.numberAssignment ?? 'AREA_CODE');
  const [flowThrough, setFlowThrough] = useState(record?.flowThrough ?? false);
  const [rules, setRules] = useState<RequirementDraft[]>(() =>
    (record?.identifierRequirements ?? []).map((rule) => ({ uid: newUid(), lineTypeCode: rule.lineTypeCode, requires: rule.requires })),
  );
  const [provisioning, setProvisioning] = useState<ProvisioningDraft>({
    adapter: record?.provisioning.adapter ?? 'manual',
    endpoint: record?.provisioning.endpoint ?? '',
    accountId: record?.provisioning.accountId ?? '',
    credential: record ? { mode: 'keep' } : { mode: 'replace', value: '' },
    webhookSecret: record ? { mode: 'keep' } : { mode: 'replace', value: '' },
  });
  const { errors } = form;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Messages in the form's words for what zod would only call "invalid input".
    const parseErrors: FieldErrors = {};
    rules.forEach((rule, index) => {
      if (rule.lineTypeCode === null) parseErrors[`identifierRequirements.${index}.lineTypeCode`] = 'Choose a line type';
      rule.requires.forEach((group, groupIndex) => {
        if (group.length === 0) parseErrors[`identifierRequirements.${index}.requires.${groupIndex}`] = 'Tick at least one identifier';
      });
    });
    form.submit(
      event.currentTarget,
      ZCarrierInput,
      {
        code,
        name,
        displayOrder: readNumber(displayOrder, 100),
        defaultBillProfileCode: billProfileCode,
        orderTypes,
        populatesProducts,
        identifierRequirements: rules.map((rule) => ({ lineTypeCode: rule.lineTypeCode ?? '', requires: rule.requires })),
        numberAssignment,
        provisioning: provisioningPayload(provisioning, record?.provisioning ?? null),
        flowThrough,
        isActive: record?.isActive ?? true,
      },
      parseErrors,
    );
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-label={record ? `Edit ${record.name}` : 'Create carrier'}>
      <Stack gap="xl">
        <CatalogFormAlert state={form.alert} />
        <FormSection title="Carrier" description="How the carrier is named, listed and billed by default.">
          <Group grow align="flex-start">
            <CodeField value={code} onChange={setCode} locked={record !== null} error={errors.code} autoFocus={record === null} />
            <DisplayOrderField value={displayOrder} onChange={setDisplayOrder} error={errors.displayOrder} />
          </Group>
          <TextField label="Name" value={name} onChange={setName} error={errors.name} />
          <Select
            label="Default bill profile"
            description="Offered first for new accounts on this carrier."
            placeholder="None"
            data={referenceOptions(billProfiles.data, [billProfileCode])}
            value={billProfileCode}
            onChange={setBillProfileCode}
            clearable
            error={errors.defaultBillProfileCode}
          />
        </FormSection>

        <FormSection title="Ordering" description="Which orders the carrier takes and how the order wizard behaves for it.">
          <OrderTypesField
            label="Order types supported"
            value={orderTypes}
            onChange={setOrderTypes}
            error={errors.orderTypes}
          />
          <div>
            <Switch
              label="Populates products"
              aria-describedby={populatesHintId}
              checked={populatesProducts}
              onChange={(event) => setPopulatesProducts(event.currentTarget.checked)}
              error={errors.populatesProducts}
            />
            <Text id={populatesHintId} fz="xs" c="dimmed" mt={4} pl={50}>
              Choosing a package fills Products and Long Distance Rates
            </Text>
          </div>
          <Radio.Group
            label="Number assignment"
            value={numberAssignment}
            onChange={(next) => {
              if (next === 'AREA_CODE' || next === 'ZIP') setNumberAssignment(next);
            }}
            error={errors.numberAssignment}
          >
            <Group gap="xl" mt={8} align="flex-start" grow>
              {(['AREA_CODE', 'ZIP'] as const).map((option) => (
                <Radio key={option} value={option} {...NUMBER_ASSIGNMENT_LABELS[option]} />
              ))}
            </Group>
          </Radio.Group>
          <div>
            <Switch
              label="Flow-through"
              aria-describedby={flowHintId}
              checked={flowThrough}
              onChange={(event) => setFlowThrough(event.currentTarget.checked)}
              error={errors.flowThrough}
            />
            <Text id={flowHintId} fz="xs" c="dimmed" mt={4} pl={50}>
              Orders are sent to the carrier as soon as they are complete, with no back-office review.
            </Text>
          </div>
        </FormSection>

        <FormSection
          title="Identifier requirements"
          description={
            <>
              Which identifiers a line of each type needs before the carrier can activate it. ICCID is the SIM, IMEI the
              device, MEID or ESN a CDMA device, EID an eSIM.
            </>
          }
        >
          <IdentifierRequirementsEditor rules={rules} onChange={setRules} lineTypes={lineTypes.data ?? []} errors={errors} />
        </FormSection>

        <FormSection title="Provisioning" description="How orders reach the carrier for activation.">
          <ProvisioningFields
            value={provisioning}
            onChange={(change) => setProvisioning((prev) => ({ ...prev, ...change }))}
            stored={record?.provisioning ?? null}
            errors={errors}
          />
        </FormSection>

        <EditorActions cancelTo="/catalog/carriers" submitLabel={form.submitLabel} loading={form.save.isPending} />
      </Stack>
    </form>
  );
}
