import {
  customerDisplayName,
  LISTING_TYPE_LABELS,
  LISTING_TYPES,
  NAME_SUFFIXES,
  namesAndAddressesSchema,
  type CustomerClass,
  type ListingType,
  type TDuplicateProbeInput,
  type TNamesAndAddresses,
  type TNamesAndAddressesInput,
} from '@linedesk/domain';
import { Grid, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { FormEvent } from 'react';
import { useDuplicateProbe, useSaveNames } from '../../../../hooks/api/wizard';
import { AddressFields, addressForm, addressInput, EMPTY_ADDRESS, type AddressForm } from '../address-fields';
import { createPortal } from 'react-dom';
import { DuplicateNotice } from '../duplicates';
import { zodErrors } from '../form-state';
import { stepStorageKey, useStepForm } from '../use-step-form';
import type { StepProps } from '../wizard-page';
import { NextButton, RestoredNotice, StepAlert, StepSection, WizardFooter } from '../wizard-parts';

type NamesForm = {
  firstName: string;
  middleName: string;
  lastName: string;
  suffix: string | null;
  companyName: string;
  serviceAddress: AddressForm;
  billingSameAsService: boolean;
  billingAddress: AddressForm;
  listingSameAsService: boolean;
  listingAddress: AddressForm;
  listingType: ListingType;
  listedName: string;
};

function toInput(values: NamesForm): TNamesAndAddressesInput {
  return {
    firstName: values.firstName,
    middleName: values.middleName,
    lastName: values.lastName,
    suffix: values.suffix as TNamesAndAddressesInput['suffix'],
    companyName: values.companyName,
    serviceAddress: addressInput(values.serviceAddress),
    billingSameAsService: values.billingSameAsService,
    billingAddress: values.billingSameAsService ? null : addressInput(values.billingAddress),
    listingSameAsService: values.listingSameAsService,
    listingAddress: values.listingSameAsService ? null : addressInput(values.listingAddress),
    listingType: values.listingType,
    listedName: values.listingType === 'LISTED' ? values.listedName : null,
  };
}

function probeOf(values: NamesForm, customerClass: CustomerClass): TDuplicateProbeInput | null {
  const name = customerClass === 'BUSINESS' ? values.companyName.trim() : `${values.firstName.trim()} ${values.lastName.trim()}`.trim();
  const address = values.serviceAddress;
  const zip = /^\d{5}$/.test(address.zip) ? address.zip : null;
  const names = name.length >= 2 ? [name] : [];
  if (names.length === 0 && !zip) return null;
  return {
    names,
    zip,
    serviceAddress: zip && address.line1.trim() ? { line1: address.line1.trim(), line2: address.line2.trim() || null, zip } : null,
  };
}

/** Step 3: the customer's name (a person's or a company's, by class) and the Service, Billing and Listing addresses. */
export function NamesStep({ draft, goTo, sideSlot }: StepProps) {
  const save = useSaveNames(draft.id);
  const customerClass: CustomerClass = draft.profile?.customerClass ?? 'RESIDENTIAL';
  const schema = namesAndAddressesSchema(customerClass);
  const { formRef, ...form } = useStepForm<NamesForm>({
    storageKey: stepStorageKey(draft.id, 'names'),
    initial: () => {
      const names = draft.names;
      if (names) {
        return {
          firstName: names.firstName ?? '',
          middleName: names.middleName ?? '',
          lastName: names.lastName ?? '',
          suffix: names.suffix,
          companyName: names.companyName ?? '',
          serviceAddress: addressForm(names.serviceAddress),
          billingSameAsService: names.billingSameAsService,
          billingAddress: addressForm(names.billingAddress),
          listingSameAsService: names.listingSameAsService,
          listingAddress: addressForm(names.listingAddress),
          listingType: names.listingType,
          listedName: names.listedName ?? '',
        };
      }
      const primary = draft.start?.contacts[0];
      return {
        firstName: primary?.firstName ?? '',
        middleName: '',
        lastName: primary?.lastName ?? '',
        suffix: null,
        companyName: '',
        serviceAddress: { ...EMPTY_ADDRESS },
        billingSameAsService: true,
        billingAddress: { ...EMPTY_ADDRESS },
        listingSameAsService: true,
        listingAddress: { ...EMPTY_ADDRESS },
        listingType: 'NON_PUBLISHED',
        listedName: '',
      };
    },
    validate: (values) => zodErrors(schema, toInput(values)),
  });
  const { values } = form;
  const [debounced] = useDebouncedValue(values, 400);
  const probeInput = probeOf(debounced, customerClass);
  const probe = useDuplicateProbe(probeInput);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending || !form.check()) return;
    save.mutate(toInput(values), {
      onSuccess: () => {
        form.markSaved();
        goTo('lines');
      },
      onError: (error) => form.showServerError(error),
    });
  }

  const displayName = customerDisplayName({
    firstName: values.firstName.trim() || null,
    middleName: values.middleName.trim() || null,
    lastName: values.lastName.trim() || null,
    suffix: (values.suffix ?? null) as TNamesAndAddresses['suffix'],
    companyName: customerClass === 'BUSINESS' ? values.companyName.trim() || null : null,
  });

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Name and Addresses">
      <Stack gap="lg">
        {form.restored && <RestoredNotice onDiscard={form.discardRestored} />}
        <StepAlert id={form.alertId} error={save.error} unshown={form.unshown} />

        <StepSection
          title="Customer Name"
          description={customerClass === 'BUSINESS' ? 'A business account carries the company’s name.' : 'A residential account carries the person’s name.'}
        >
          {customerClass === 'BUSINESS' ? (
            <TextInput label="Company name" withAsterisk autoComplete="off" autoFocus {...form.text('companyName')} />
          ) : (
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput label="First name" withAsterisk autoComplete="off" autoFocus {...form.text('firstName')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 2.5 }}>
                <TextInput label="Middle name" autoComplete="off" {...form.text('middleName')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 3.5 }}>
                <TextInput label="Last name" withAsterisk autoComplete="off" {...form.text('lastName')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 2 }}>
                <Select label="Suffix" placeholder="None" data={[...NAME_SUFFIXES]} clearable {...form.select('suffix')} />
              </Grid.Col>
            </Grid>
          )}
        </StepSection>

        <StepSection title="Service Address" description="Where the service is used: it decides the numbers and rates offered. A PO box cannot be a service address.">
          <AddressFields form={form} path="serviceAddress" address={values.serviceAddress} />
        </StepSection>

        <StepSection title="Billing Address" description="Where bills are mailed.">
          <Switch
            label="Same as service address"
            checked={values.billingSameAsService}
            onChange={(event) => form.setField('billingSameAsService', event.currentTarget.checked)}
          />
          {!values.billingSameAsService && <AddressFields form={form} path="billingAddress" address={values.billingAddress} />}
        </StepSection>

        <StepSection title="Listing Address" description="The directory listing for the account’s number.">
          <Switch
            label="Same as service address"
            checked={values.listingSameAsService}
            onChange={(event) => form.setField('listingSameAsService', event.currentTarget.checked)}
          />
          {!values.listingSameAsService && <AddressFields form={form} path="listingAddress" address={values.listingAddress} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label="Listing type"
              data={LISTING_TYPES.map((value) => ({ value, label: LISTING_TYPE_LABELS[value] }))}
              allowDeselect={false}
              {...form.select('listingType')}
            />
            {values.listingType === 'LISTED' && (
              <TextInput label="Listed name" withAsterisk autoComplete="off" placeholder={displayName || undefined} {...form.text('listedName')} />
            )}
          </SimpleGrid>
        </StepSection>

        {sideSlot && probeInput && probe.data && probe.data.length > 0 && createPortal(<DuplicateNotice candidates={probe.data} compact />, sideSlot)}

        <WizardFooter onBack={() => goTo('profile')} status={form.dirty ? 'Unsaved changes are kept in this tab' : undefined}>
          <NextButton loading={save.isPending} />
        </WizardFooter>
      </Stack>
    </form>
  );
}
