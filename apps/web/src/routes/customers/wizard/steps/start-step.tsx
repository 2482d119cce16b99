import {
  CONTACT_TYPE_LABELS,
  CONTACT_TYPES,
  ORDER_TYPE_LABELS,
  parseNanp,
  ZWizardStart,
  type ContactType,
  type TDuplicateProbeInput,
  type TWizardCarrier,
  type TWizardStartInput,
  type WizardOrderType,
} from '@linedesk/domain';
import { Button, Checkbox, Group, NativeSelect, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useId, type FormEvent } from 'react';
import { neighbourIds, useFocusAfterRender } from '../../../../hooks/use-focus-after-render';
import { useDuplicateProbe, useSaveStart } from '../../../../hooks/api/wizard';
import type { FieldErrors } from '../../../../lib/form-errors';
import { RemoveRowButton } from '../../../catalog/common/remove-row-button';
import { createPortal } from 'react-dom';
import { DuplicateNotice } from '../duplicates';
import { zodErrors } from '../form-state';
import { stepStorageKey, useStepForm } from '../use-step-form';
import type { StepProps } from '../wizard-page';
import { NextButton, RestoredNotice, StepAlert, StepSection, WizardFooter } from '../wizard-parts';

type ContactForm = {
  uid: string;
  contactType: ContactType;
  firstName: string;
  lastName: string;
  phone: string;
  mobile: string;
  smsOptIn: boolean;
  email: string;
  title: string;
};

type StartForm = { carrierCode: string | null; orderType: WizardOrderType | null; contacts: ContactForm[] };

const newUid = () => Math.random().toString(36).slice(2, 10);

/** A stored phone (ten digits) as people read it. */
export function phoneText(digits: string | null | undefined): string {
  if (!digits) return '';
  const parsed = parseNanp(digits);
  return parsed.ok ? parsed.display : digits;
}

function emptyContact(contactType: ContactType): ContactForm {
  return { uid: newUid(), contactType, firstName: '', lastName: '', phone: '', mobile: '', smsOptIn: false, email: '', title: '' };
}

function toInput(values: StartForm): TWizardStartInput {
  return {
    carrierCode: values.carrierCode ?? '',
    orderType: values.orderType ?? 'NEW',
    contacts: values.contacts.map(({ uid: _uid, ...contact }) => contact),
  };
}

function validate(values: StartForm, carriers: readonly TWizardCarrier[]): FieldErrors {
  const errors: FieldErrors = { ...zodErrors(ZWizardStart, toInput(values)) };
  const carrier = carriers.find((candidate) => candidate.code === values.carrierCode);
  if (!values.carrierCode) errors.carrierCode = 'Choose a carrier';
  else delete errors.carrierCode;
  if (!values.orderType) errors.orderType = 'Choose the order type';
  else if (carrier && !carrier.orderTypes.includes(values.orderType)) errors.orderType = `${carrier.name} does not take ${ORDER_TYPE_LABELS[values.orderType]} orders`;
  return errors;
}

/** What the duplicate check can use from the contacts typed so far; null when there is nothing yet. */
function probeOf(values: StartForm): TDuplicateProbeInput | null {
  const names = values.contacts.map((c) => `${c.firstName.trim()} ${c.lastName.trim()}`.trim()).filter((name) => name.length >= 2 && name.includes(' '));
  const phones = values.contacts.flatMap((c) => [c.phone, c.mobile]).flatMap((phone) => {
    const parsed = parseNanp(phone);
    return parsed.ok ? [parsed.digits] : [];
  });
  const emails = values.contacts.map((c) => c.email.trim().toLowerCase()).filter((email) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email));
  if (names.length + phones.length + emails.length === 0) return null;
  return { names, phones, emails };
}

/** Step 1: Carrier, Order Type and Contact Information. */
export function StartStep({ draft, carriers, goTo, sideSlot }: StepProps) {
  const save = useSaveStart(draft.id);
  const idBase = useId();
  const focusAfterRender = useFocusAfterRender();
  const hasLines = draft.lines.length > 0;
  const { formRef, ...form } = useStepForm<StartForm>({
    storageKey: stepStorageKey(draft.id, 'start'),
    initial: () => {
      const start = draft.start;
      if (start) {
        return {
          carrierCode: start.carrierCode,
          orderType: start.orderType,
          contacts: start.contacts.map((contact) => ({
            uid: newUid(),
            contactType: contact.contactType,
            firstName: contact.firstName,
            lastName: contact.lastName,
            phone: phoneText(contact.phone),
            mobile: phoneText(contact.mobile),
            smsOptIn: contact.smsOptIn,
            email: contact.email ?? '',
            title: contact.title ?? '',
          })),
        };
      }
      // One carrier selling one order type needs no choosing.
      const only = carriers.length === 1 ? carriers[0] : undefined;
      return {
        carrierCode: only?.code ?? null,
        orderType: only?.orderTypes.length === 1 ? (only.orderTypes[0] ?? null) : only?.orderTypes.includes('NEW') ? 'NEW' : null,
        contacts: [emptyContact('PRIMARY')],
      };
    },
    validate: (values) => validate(values, carriers),
  });
  const { values } = form;
  const carrier = carriers.find((candidate) => candidate.code === values.carrierCode) ?? null;
  const [debouncedValues] = useDebouncedValue(values, 400);
  const probeInput = probeOf(debouncedValues);
  const probe = useDuplicateProbe(probeInput);

  function chooseCarrier(code: string | null) {
    const next = carriers.find((candidate) => candidate.code === code);
    form.setField('carrierCode', code);
    // Keep the order type when the new carrier sells it; a carrier with one order type picks it.
    if (next && (!values.orderType || !next.orderTypes.includes(values.orderType))) {
      form.setField('orderType', next.orderTypes.includes('NEW') ? 'NEW' : (next.orderTypes[0] ?? null));
    }
  }

  function addContact() {
    form.setValues((previous) => ({ ...previous, contacts: [...previous.contacts, emptyContact(previous.contacts.length === 0 ? 'PRIMARY' : 'BILLING')] }));
    focusAfterRender([`${idBase}-first-${values.contacts.length}`]);
  }

  function removeContact(index: number) {
    form.setValues((previous) => ({ ...previous, contacts: previous.contacts.filter((_, position) => position !== index) }));
    focusAfterRender([...neighbourIds(values.contacts, index, (c) => `${idBase}-remove-${c.uid}`), `${idBase}-add`]);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending || !form.check()) return;
    save.mutate(toInput(values), {
      onSuccess: () => {
        form.markSaved();
        goTo('profile');
      },
      onError: (error) => form.showServerError(error),
    });
  }

  const orderTypes = carrier?.orderTypes ?? [];

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Carrier and Contact Information">
      <Stack gap="lg">
        {form.restored && <RestoredNotice onDiscard={form.discardRestored} />}
        <StepAlert id={form.alertId} error={save.error} unshown={form.unshown} />

        <StepSection title="Carrier" description="Who provides the service, and whether the numbers are new or brought over.">
          <Select
            label="Carrier"
            placeholder="Choose a carrier"
            data={carriers.map((candidate) => ({ value: candidate.code, label: candidate.name }))}
            value={values.carrierCode}
            onChange={chooseCarrier}
            onBlur={form.blur('carrierCode')}
            error={form.errors.carrierCode}
            withAsterisk
            searchable
            allowDeselect={false}
            disabled={hasLines}
            description={hasLines ? 'This draft has lines for this carrier; delete them on the Lines page to change it.' : undefined}
            autoFocus={!hasLines}
            openOnFocus={false}
            nothingFoundMessage="No carrier matches"
          />
          <Radio.Group
            label="Order Type"
            value={values.orderType ?? ''}
            onChange={(value) => form.setField('orderType', value)}
            error={form.errors.orderType}
            withAsterisk
            description={
              hasLines
                ? 'Lines were built for this order type; delete them to change it.'
                : carrier
                  ? `${carrier.name} takes ${orderTypes.map((type) => ORDER_TYPE_LABELS[type]).join(' and ')} orders.`
                  : 'Choose a carrier first.'
            }
          >
            <Group gap="xl" mt={8}>
              {(['NEW', 'CONVERSION'] as const)
                .filter((type) => orderTypes.includes(type) || values.orderType === type)
                .map((type) => (
                  <Radio
                    key={type}
                    value={type}
                    disabled={hasLines}
                    label={ORDER_TYPE_LABELS[type]}
                    description={type === 'NEW' ? 'New numbers from the carrier' : 'Bring existing numbers over (port-in)'}
                  />
                ))}
            </Group>
          </Radio.Group>
        </StepSection>

        <StepSection
          title="Contact Information"
          description="The first contact is the account’s primary contact. A phone, mobile or email is needed to reach each one."
        >
          {values.contacts.map((contact, index) => {
            const at = (field: keyof ContactForm) => `contacts.${index}.${field}`;
            const heading = `Contact ${index + 1}`;
            return (
              <div key={contact.uid} className="ld-contact-card" role="group" aria-labelledby={`${idBase}-heading-${contact.uid}`}>
                <Group justify="space-between" mb="sm">
                  <Text id={`${idBase}-heading-${contact.uid}`} fw={650} fz="sm">
                    {heading}
                    {index === 0 && (
                      <Text component="span" c="dimmed" fz="xs" fw={400} ml={6}>
                        (primary contact)
                      </Text>
                    )}
                  </Text>
                  {index > 0 && <RemoveRowButton id={`${idBase}-remove-${contact.uid}`} label={`Remove ${heading}`} onClick={() => removeContact(index)} />}
                </Group>
                <Stack gap="sm">
                  <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                    <NativeSelect
                      label="Contact type"
                      data={CONTACT_TYPES.map((type) => ({ value: type, label: CONTACT_TYPE_LABELS[type] }))}
                      value={contact.contactType}
                      onChange={(event) => form.setField(at('contactType'), event.currentTarget.value)}
                      error={form.errors[at('contactType')]}
                    />
                    <TextInput
                      id={`${idBase}-first-${index}`}
                      label="First name"
                      withAsterisk
                      autoComplete="off"
                      autoFocus={hasLines && index === 0}
                      {...form.text(at('firstName'))}
                    />
                    <TextInput label="Last name" withAsterisk autoComplete="off" {...form.text(at('lastName'))} />
                  </SimpleGrid>
                  <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                    <TextInput label="Phone" type="tel" autoComplete="off" placeholder="(312) 555-0101" {...form.text(at('phone'))} />
                    <TextInput label="Mobile" type="tel" autoComplete="off" placeholder="(312) 555-0102" {...form.text(at('mobile'))} />
                    <TextInput label="Email" type="email" autoComplete="off" placeholder="name@example.com" {...form.text(at('email'))} />
                  </SimpleGrid>
                  <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                    <TextInput label="Title" autoComplete="off" placeholder="Optional" {...form.text(at('title'))} />
                    <Checkbox
                      mt={{ base: 0, sm: 30 }}
                      label="SMS opt-in"
                      description="Texts to the mobile number"
                      checked={contact.smsOptIn}
                      onChange={(event) => form.setField(at('smsOptIn'), event.currentTarget.checked)}
                    />
                  </SimpleGrid>
                </Stack>
              </div>
            );
          })}
          {form.errors.contacts && (
            <Text fz="sm" c="red" data-field-error>
              {form.errors.contacts}
            </Text>
          )}
          <Group>
            <Button
              id={`${idBase}-add`}
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={addContact}
              disabled={values.contacts.length >= 10}
            >
              Add contact
            </Button>
          </Group>
        </StepSection>

        {sideSlot && probeInput && probe.data && probe.data.length > 0 && createPortal(<DuplicateNotice candidates={probe.data} compact />, sideSlot)}

        <WizardFooter status={form.dirty ? 'Unsaved changes are kept in this tab' : undefined}>
          <NextButton loading={save.isPending} />
        </WizardFooter>
      </Stack>
    </form>
  );
}
