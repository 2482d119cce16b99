import {
  ACCOUNT_TYPE_LABELS,
  ACCOUNT_TYPES,
  BILL_METHOD_LABELS,
  BILL_METHODS,
  CUSTOMER_CLASS_LABELS,
  CUSTOMER_CLASSES,
  customerProfileSchema,
  LANGUAGE_LABELS,
  LANGUAGES,
  PROFILE_SECRETS,
  type AccountType,
  type BillMethod,
  type CustomerClass,
  type ProfileField,
  type ProfileSecret,
  type TCustomerProfileInput,
  type TProfileFieldSettings,
  type TWizardCarrier,
  type TWizardProfileChoices,
} from '@linedesk/domain';
import { Grid, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorAlert, LoadingState, Panel } from '../../../../components/common/status-state';
import { useCurrentUser } from '../../../../components/layout/current-user';
import {
  useParentAccountSearch,
  useProfileChoices,
  useProfileFieldSettings,
  useSalesPeople,
  useSaveProfile,
  type TSalesPerson,
} from '../../../../hooks/api/wizard';
import type { FieldErrors } from '../../../../lib/form-errors';
import { zodErrors } from '../form-state';
import { SecretInput } from '../secret-input';
import { stepStorageKey, useStepForm } from '../use-step-form';
import type { StepProps } from '../wizard-page';
import { NextButton, RestoredNotice, SegmentedField, StepAlert, StepSection, submitOnEnter, WizardFooter } from '../wizard-parts';
import { phoneText } from './start-step';

type ProfileForm = {
  customerClass: CustomerClass;
  billProfileCode: string | null;
  billMethod: BillMethod;
  billEmail: string;
  accountNumber: string;
  salesPersonUserId: string | null;
  agentCode: string | null;
  securityPin: string;
  language: string | null;
  contractStart: string;
  contractEnd: string;
  attentionLine: string;
  paymentTermsDays: string;
  accountType: AccountType;
  parentAccountNumber: string | null;
  website: string;
  primaryPhone: string;
  taxExempt: boolean;
  taxExemptCertificate: string;
  ssn: string;
  taxId: string;
  dateOfBirth: string;
  /** Stored secrets to remove on save. */
  clearing: ProfileSecret[];
  /** The bill profile and method follow the class and carrier until the agent picks one. */
  billProfileAuto: boolean;
  billMethodAuto: boolean;
};

type Context = { settings: TProfileFieldSettings; storedSecrets: ProfileSecret[]; today: Date };

function defaultBillProfile(choices: TWizardProfileChoices, carrier: TWizardCarrier | null, customerClass: CustomerClass): string | null {
  const carrierDefault = carrier?.defaultBillProfileCode;
  if (carrierDefault && choices.billProfiles.some((profile) => profile.code === carrierDefault)) return carrierDefault;
  const flagged = choices.billProfiles.find((profile) => (customerClass === 'RESIDENTIAL' ? profile.isDefaultResidential : profile.isDefaultBusiness));
  return flagged?.code ?? choices.billProfiles[0]?.code ?? null;
}

function toInput(values: ProfileForm): { input: TCustomerProfileInput; parseErrors: FieldErrors } {
  const parseErrors: FieldErrors = {};
  const terms = values.paymentTermsDays.trim();
  if (terms !== '' && !/^\d+$/.test(terms)) parseErrors.paymentTermsDays = 'Enter whole days, such as 30';
  const residential = values.customerClass === 'RESIDENTIAL';
  // Write-only: a typed value sets it, Remove clears it (null), blank keeps what is stored (left out).
  const secret = (key: ProfileSecret, typed: string) => (typed.trim() ? typed.trim() : values.clearing.includes(key) ? null : undefined);
  const input: TCustomerProfileInput = {
    customerClass: values.customerClass,
    billProfileCode: values.billProfileCode ?? '',
    billMethod: values.billMethod,
    billEmail: values.billEmail,
    accountNumber: values.accountNumber,
    salesPersonUserId: values.salesPersonUserId ?? '',
    agentCode: values.agentCode,
    securityPin: secret('securityPin', values.securityPin),
    language: values.language,
    contractStart: values.contractStart,
    contractEnd: values.contractEnd,
    attentionLine: values.attentionLine,
    paymentTermsDays: terms === '' || parseErrors.paymentTermsDays ? null : Number(terms),
    accountType: values.accountType,
    parentAccountNumber: values.accountType === 'CHILD' ? values.parentAccountNumber : null,
    website: values.website,
    primaryPhone: values.primaryPhone,
    taxExempt: values.taxExempt,
    taxExemptCertificate: values.taxExempt ? values.taxExemptCertificate : null,
    ssn: residential ? secret('ssn', values.ssn) : values.clearing.includes('ssn') ? null : undefined,
    taxId: !residential ? secret('taxId', values.taxId) : values.clearing.includes('taxId') ? null : undefined,
    dateOfBirth: residential ? values.dateOfBirth : null,
  };
  return { input, parseErrors };
}

function validate(values: ProfileForm, context: Context): FieldErrors {
  const { input, parseErrors } = toInput(values);
  const stored = context.storedSecrets.filter((key) => !values.clearing.includes(key));
  const errors = zodErrors(customerProfileSchema({ settings: context.settings, today: context.today, storedSecrets: stored }), input);
  if (!values.billProfileCode) errors.billProfileCode = 'Choose a bill profile';
  if (!values.salesPersonUserId) errors.salesPersonUserId = 'Choose a sales person';
  return { ...errors, ...parseErrors };
}

/** Step 2: the Customer Profile. Loads its choices and this installation's field settings first. */
export function ProfileStep(props: StepProps) {
  const choices = useProfileChoices();
  const settings = useProfileFieldSettings();
  const salesPeople = useSalesPeople();
  const failed = [choices, settings, salesPeople].find((query) => query.isError);
  if (failed) return <ErrorAlert error={failed.error} onRetry={() => void failed.refetch()} title="Could not load the Customer Profile choices" />;
  if (!choices.data || !settings.data || !salesPeople.data) {
    return (
      <Panel>
        <LoadingState label="Loading the Customer Profile" />
      </Panel>
    );
  }
  return <ProfileFormView {...props} choices={choices.data} settings={settings.data} salesPeople={salesPeople.data} />;
}

function ProfileFormView({
  draft,
  carrier,
  goTo,
  choices,
  settings,
  salesPeople,
}: StepProps & { choices: TWizardProfileChoices; settings: TProfileFieldSettings; salesPeople: TSalesPerson[] }) {
  const user = useCurrentUser();
  const save = useSaveProfile(draft.id);
  const classRef = useRef<HTMLDivElement>(null);
  // The step starts on its first input: the chosen Class (a segmented control has no autofocus of its own).
  useEffect(() => classRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus(), []);
  const [today] = useState(() => new Date());
  const stored = draft.profile;
  const storedSecrets = PROFILE_SECRETS.filter((key) => stored?.[key].isSet);
  const context: Context = { settings, storedSecrets, today };

  const { formRef, ...form } = useStepForm<ProfileForm>({
    storageKey: stepStorageKey(draft.id, 'profile'),
    initial: () => {
      if (stored) {
        return {
          customerClass: stored.customerClass,
          billProfileCode: stored.billProfileCode,
          billMethod: stored.billMethod,
          billEmail: stored.billEmail ?? '',
          accountNumber: stored.accountNumber ?? '',
          salesPersonUserId: stored.salesPersonUserId,
          agentCode: stored.agentCode,
          securityPin: '',
          language: stored.language,
          contractStart: stored.contractStart ?? '',
          contractEnd: stored.contractEnd ?? '',
          attentionLine: stored.attentionLine ?? '',
          paymentTermsDays: stored.paymentTermsDays === null ? '' : String(stored.paymentTermsDays),
          accountType: stored.accountType,
          parentAccountNumber: stored.parentAccountNumber,
          website: stored.website ?? '',
          primaryPhone: phoneText(stored.primaryPhone),
          taxExempt: stored.taxExempt,
          taxExemptCertificate: stored.taxExemptCertificate ?? '',
          ssn: '',
          taxId: '',
          dateOfBirth: stored.dateOfBirth ?? '',
          clearing: [],
          billProfileAuto: false,
          billMethodAuto: false,
        };
      }
      const primary = draft.start?.contacts[0];
      const billProfileCode = defaultBillProfile(choices, carrier, 'RESIDENTIAL');
      const billProfile = choices.billProfiles.find((profile) => profile.code === billProfileCode);
      const salesPersonUserId = salesPeople.some((person) => person.id === user.id) ? user.id : null;
      const agents = choices.agents.filter((agent) => salesPersonUserId && agent.salesPersonUserIds.includes(salesPersonUserId));
      return {
        customerClass: 'RESIDENTIAL',
        billProfileCode,
        billMethod: billProfile?.defaultBillMethod ?? 'EMAIL',
        billEmail: primary?.email ?? draft.start?.contacts.find((contact) => contact.email)?.email ?? '',
        accountNumber: '',
        salesPersonUserId,
        agentCode: agents.length === 1 ? (agents[0]?.code ?? null) : null,
        securityPin: '',
        language: null,
        contractStart: '',
        contractEnd: '',
        attentionLine: '',
        paymentTermsDays: '',
        accountType: 'STANDARD',
        parentAccountNumber: null,
        website: '',
        primaryPhone: phoneText(primary?.phone ?? primary?.mobile),
        taxExempt: false,
        taxExemptCertificate: '',
        ssn: '',
        taxId: '',
        dateOfBirth: '',
        clearing: [],
        billProfileAuto: true,
        billMethodAuto: true,
      };
    },
    validate: (values) => validate(values, context),
    // Secrets never rest in the browser's storage.
    persistable: (values) => ({ ...values, securityPin: '', ssn: '', taxId: '' }),
  });
  const { values, errors } = form;
  const residential = values.customerClass === 'RESIDENTIAL';
  const billProfile = choices.billProfiles.find((profile) => profile.code === values.billProfileCode);
  const shows = (field: ProfileField) => settings[field] !== 'hidden';
  const required = (field: ProfileField) => settings[field] === 'required';

  function chooseClass(next: CustomerClass) {
    form.setField('customerClass', next);
    if (!values.billProfileAuto) return;
    const code = defaultBillProfile(choices, carrier, next);
    form.setField('billProfileCode', code);
    const profile = choices.billProfiles.find((candidate) => candidate.code === code);
    if (values.billMethodAuto && profile) form.setField('billMethod', profile.defaultBillMethod);
  }

  function chooseBillProfile(code: string | null) {
    form.patch(() => ({ billProfileCode: code, billProfileAuto: false }));
    const profile = choices.billProfiles.find((candidate) => candidate.code === code);
    if (values.billMethodAuto && profile) form.setField('billMethod', profile.defaultBillMethod);
  }

  const setClearing = (key: ProfileSecret) => (clearing: boolean) =>
    form.setField('clearing', clearing ? [...new Set([...values.clearing, key])] : values.clearing.filter((other) => other !== key));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending || !form.check()) return;
    save.mutate(toInput(values).input, {
      onSuccess: () => {
        form.markSaved();
        goTo('names');
      },
      onError: (error) => form.showServerError(error),
    });
  }

  const emailBills = values.billMethod === 'EMAIL' || values.billMethod === 'BOTH';

  return (
    <form ref={formRef} onSubmit={submit} noValidate onKeyDown={submitOnEnter} aria-label="Customer Profile">
      <Stack gap="lg">
        {form.restored && <RestoredNotice onDiscard={form.discardRestored} />}
        <StepAlert id={form.alertId} error={save.error} unshown={form.unshown} />

        <StepSection title="Customer Profile" description="Who the customer is and how they are billed.">
          <div ref={classRef}>
            <SegmentedField
              label="Class"
              required
              data={CUSTOMER_CLASSES.map((value) => ({ value, label: CUSTOMER_CLASS_LABELS[value] }))}
              value={values.customerClass}
              onChange={(value) => chooseClass(value as CustomerClass)}
              error={errors.customerClass}
            />
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label="Bill Profile"
              withAsterisk
              data={choices.billProfiles.map((profile) => ({ value: profile.code, label: profile.name }))}
              value={values.billProfileCode}
              onChange={chooseBillProfile}
              onBlur={form.blur('billProfileCode')}
              error={errors.billProfileCode}
              allowDeselect={false}
              searchable
              description={
                values.billProfileAuto && billProfile
                  ? carrier?.defaultBillProfileCode === billProfile.code
                    ? `${carrier.name}’s default bill profile`
                    : `Default for ${CUSTOMER_CLASS_LABELS[values.customerClass].toLowerCase()} customers`
                  : undefined
              }
            />
            <SegmentedField
              label="Bill Method"
              required
              fullWidth
              data={BILL_METHODS.map((value) => ({ value, label: BILL_METHOD_LABELS[value] }))}
              value={values.billMethod}
              onChange={(value) => form.patch(() => ({ billMethod: value, billMethodAuto: false }))}
              error={errors.billMethod}
            />
          </SimpleGrid>
          <TextInput
            label="Bill email"
            type="email"
            autoComplete="off"
            withAsterisk={emailBills}
            description={emailBills ? 'Statements and correspondence go here.' : 'Optional with this bill method.'}
            placeholder="name@example.com"
            {...form.text('billEmail')}
          />
          {shows('paymentTerms') && (
            <TextInput
              label="Payment terms (days)"
              inputMode="numeric"
              autoComplete="off"
              withAsterisk={required('paymentTerms')}
              placeholder={billProfile ? `${billProfile.termsDays} (from ${billProfile.name})` : undefined}
              description="Leave blank to use the bill profile’s terms."
              {...form.text('paymentTermsDays')}
            />
          )}
          {shows('attentionLine') && (
            <TextInput label="Attention line" autoComplete="off" withAsterisk={required('attentionLine')} placeholder="ATTN: Accounts Payable" {...form.text('attentionLine')} />
          )}
        </StepSection>

        <StepSection title="Account" description="How the account is numbered, sold and related to others.">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {shows('accountNumber') && (
              <TextInput
                label="Account number"
                autoComplete="off"
                withAsterisk={required('accountNumber')}
                classNames={{ input: 'ld-code-input' }}
                description={required('accountNumber') ? undefined : 'Leave blank to have one generated.'}
                {...form.text('accountNumber')}
                onChange={(event) => form.setField('accountNumber', event.currentTarget.value.toUpperCase())}
              />
            )}
            <Select
              label="Sales Person"
              withAsterisk
              data={salesPeople.map((person) => ({ value: person.id, label: person.id === user.id ? `${person.name} (you)` : person.name }))}
              searchable
              allowDeselect={false}
              nothingFoundMessage="No user matches"
              {...form.select('salesPersonUserId')}
            />
            {shows('agent') && (
              <Select
                label="Agent"
                withAsterisk={required('agent')}
                placeholder="None"
                data={choices.agents.map((agent) => ({ value: agent.code, label: `${agent.name} (${agent.code})` }))}
                searchable
                clearable
                nothingFoundMessage="No agent matches"
                {...form.select('agentCode')}
              />
            )}
            {shows('language') && (
              <Select
                label="Language"
                withAsterisk={required('language')}
                placeholder="Not set"
                data={LANGUAGES.map((value) => ({ value, label: LANGUAGE_LABELS[value] }))}
                clearable
                {...form.select('language')}
              />
            )}
          </SimpleGrid>
          {shows('accountType') && (
            <Grid gap="md" align="flex-start">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <SegmentedField
                  label="Account type"
                  fullWidth
                  data={ACCOUNT_TYPES.map((value) => ({ value, label: ACCOUNT_TYPE_LABELS[value] }))}
                  value={values.accountType}
                  onChange={(value) => form.setField('accountType', value)}
                  error={errors.accountType}
                />
              </Grid.Col>
              {values.accountType === 'CHILD' && (
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <ParentAccountSelect
                    value={values.parentAccountNumber}
                    onChange={(value) => form.setField('parentAccountNumber', value)}
                    onBlur={form.blur('parentAccountNumber')}
                    error={errors.parentAccountNumber}
                  />
                </Grid.Col>
              )}
            </Grid>
          )}
          {shows('contractDates') && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput label="Contract Start" type="date" withAsterisk={required('contractDates')} {...form.text('contractStart')} />
              <TextInput label="Contract End" type="date" withAsterisk={required('contractDates')} {...form.text('contractEnd')} />
            </SimpleGrid>
          )}
          {(shows('website') || shows('primaryPhone')) && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {shows('primaryPhone') && (
                <TextInput label="Primary phone" type="tel" autoComplete="off" withAsterisk={required('primaryPhone')} {...form.text('primaryPhone')} />
              )}
              {shows('website') && (
                <TextInput label="Website" type="url" autoComplete="off" withAsterisk={required('website')} placeholder="https://example.com" {...form.text('website')} />
              )}
            </SimpleGrid>
          )}
        </StepSection>

        {(shows('taxExempt') || shows('taxIdentity') || shows('dateOfBirth') || shows('securityPin')) && (
          <StepSection title="Identity and Security" description="Kept encrypted and shown masked; only the last digits are ever shown back.">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {shows('taxIdentity') &&
                (residential ? (
                  <SecretInput
                    label="SSN"
                    stored={stored?.ssn}
                    value={values.ssn}
                    onChange={(event) => form.setField('ssn', event.currentTarget.value)}
                    onBlur={form.blur('ssn')}
                    clearing={values.clearing.includes('ssn')}
                    onClearingChange={setClearing('ssn')}
                    error={errors.ssn}
                    required={required('taxIdentity')}
                    inputMode="numeric"
                    placeholder="123-45-6789"
                  />
                ) : (
                  <SecretInput
                    label="Tax ID"
                    stored={stored?.taxId}
                    value={values.taxId}
                    onChange={(event) => form.setField('taxId', event.currentTarget.value)}
                    onBlur={form.blur('taxId')}
                    clearing={values.clearing.includes('taxId')}
                    onClearingChange={setClearing('taxId')}
                    error={errors.taxId}
                    required={required('taxIdentity')}
                    inputMode="numeric"
                    placeholder="12-3456789"
                  />
                ))}
              {shows('dateOfBirth') && residential && (
                <TextInput label="Date of birth" type="date" withAsterisk={required('dateOfBirth')} {...form.text('dateOfBirth')} />
              )}
              {shows('securityPin') && (
                <SecretInput
                  label="Security PIN"
                  stored={stored?.securityPin}
                  value={values.securityPin}
                  onChange={(event) => form.setField('securityPin', event.currentTarget.value.replace(/\D/g, '').slice(0, 8))}
                  onBlur={form.blur('securityPin')}
                  clearing={values.clearing.includes('securityPin')}
                  onClearingChange={setClearing('securityPin')}
                  error={errors.securityPin}
                  required={required('securityPin')}
                  inputMode="numeric"
                  description="4–8 digits; not one digit repeated or a run such as 1234."
                />
              )}
            </SimpleGrid>
            {shows('taxExempt') && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <Switch
                  mt={{ base: 0, sm: 28 }}
                  label="Tax exempt"
                  checked={values.taxExempt}
                  onChange={(event) => form.setField('taxExempt', event.currentTarget.checked)}
                  error={errors.taxExempt}
                />
                {values.taxExempt && <TextInput label="Tax-exemption certificate" withAsterisk autoComplete="off" {...form.text('taxExemptCertificate')} />}
              </SimpleGrid>
            )}
          </StepSection>
        )}

        <WizardFooter onBack={() => goTo('start')} status={form.dirty ? 'Unsaved changes are kept in this tab' : undefined}>
          <NextButton loading={save.isPending} />
        </WizardFooter>
      </Stack>
    </form>
  );
}

/** A Child account's parent: searched among Parent accounts by name or account number. */
function ParentAccountSelect({ value, onChange, onBlur, error }: { value: string | null; onChange: (value: string | null) => void; onBlur: () => void; error?: string }) {
  const [search, setSearch] = useState('');
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [debounced] = useDebouncedValue(search, 300);
  const selectedLabel = value ? (labels[value] ?? value) : null;
  // Once chosen, the input shows the choice: that text is not a new search.
  const results = useParentAccountSearch(debounced === selectedLabel ? '' : debounced);
  const options = (results.data ?? []).map((result) => ({ value: result.accountNumber, label: `${result.accountNumber} · ${result.displayName}` }));
  if (value && !options.some((option) => option.value === value)) options.unshift({ value, label: selectedLabel ?? value });
  return (
    <Select
      label="Parent account"
      withAsterisk
      placeholder="Search by name or account number"
      data={options}
      value={value}
      onChange={(next, option) => {
        if (next && option) setLabels((previous) => ({ ...previous, [next]: option.label }));
        onChange(next);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      clearable
      onBlur={onBlur}
      error={error}
      nothingFoundMessage={search.trim().length < 2 ? 'Type at least 2 characters' : results.isFetching ? 'Searching…' : 'No Parent account matches'}
    />
  );
}
