import { ACCOUNT_TYPE_LABELS, BILL_METHOD_LABELS, LANGUAGE_LABELS, type TCustomerAccount } from '@linedesk/domain';
import { Anchor, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { RouterAnchor } from '../../../components/common/router-anchor';
import { formatCalendarDate, formatPhone } from '../../../lib/format';
import { AccountSection, DetailList, NotSet, type DetailItem } from './account-section';
import { MaskedSecret } from './masked-secret';

/** The Customer Profile as the wizard took it: billing, who sold it, contract and identity. */
export function ProfileCard({ account }: { account: TCustomerAccount }) {
  const isBusiness = account.customerClass === 'BUSINESS';
  const items: DetailItem[] = [
    {
      label: 'Bill profile',
      value: (
        <>
          {account.billProfile.name}{' '}
          <Text span className="ld-mono" c="dimmed">
            {account.billProfile.code}
          </Text>
        </>
      ),
    },
    { label: 'Bill method', value: <BillMethod account={account} /> },
    { label: 'Sales person', value: account.salesPerson?.name ?? <NotSet /> },
    { label: 'Agent', value: account.agentCode ? <span className="ld-mono">{account.agentCode}</span> : <NotSet /> },
    { label: 'Language', value: account.language ? LANGUAGE_LABELS[account.language] : <NotSet /> },
    { label: 'Contract', value: <ContractDates start={account.contractStart} end={account.contractEnd} /> },
    { label: 'Account type', value: <AccountType account={account} /> },
    { label: 'Payment terms', value: paymentTerms(account.paymentTermsDays) },
    { label: 'Website', value: <Website url={account.website} /> },
    { label: 'Primary phone', value: account.primaryPhone ? formatPhone(account.primaryPhone) : <NotSet /> },
    {
      label: 'Tax exempt',
      value: account.taxExempt ? (
        <>
          Yes
          {account.taxExemptCertificate && (
            <Text span fz="sm" c="dimmed">
              {' '}
              · certificate <span className="ld-mono">{account.taxExemptCertificate}</span>
            </Text>
          )}
        </>
      ) : (
        'No'
      ),
    },
    // The identity the class asks for, and the other one only when one happens to be on file.
    { label: 'SSN', value: <MaskedSecret secret={account.ssn} />, hidden: isBusiness && !account.ssn.isSet },
    { label: 'Tax ID', value: <MaskedSecret secret={account.taxId} />, hidden: !isBusiness && !account.taxId.isSet },
    { label: 'Security PIN', value: <MaskedSecret secret={account.securityPin} /> },
    { label: 'Date of birth', value: account.dateOfBirth ? formatCalendarDate(account.dateOfBirth) : <NotSet />, hidden: !account.dateOfBirth },
    { label: 'Attention line', value: account.attentionLine ?? <NotSet />, hidden: !account.attentionLine },
  ];
  return (
    <AccountSection title="Profile" description="Billing, sales and identity details taken in the Customer Profile step.">
      <DetailList items={items} cols={{ base: 1, xs: 2, md: 3, xl: 4 }} />
    </AccountSection>
  );
}

function BillMethod({ account }: { account: TCustomerAccount }) {
  const emails = account.billMethod === 'EMAIL' || account.billMethod === 'BOTH';
  const label = account.billMethod === 'BOTH' ? 'Email and print' : BILL_METHOD_LABELS[account.billMethod];
  return (
    <Stack gap={0} component="span">
      <span>{label}</span>
      {emails && (account.billEmail ? <Text span fz="sm" c="dimmed">{account.billEmail}</Text> : <NotSet>No bill email</NotSet>)}
    </Stack>
  );
}

function ContractDates({ start, end }: { start: string | null; end: string | null }) {
  if (start && end) return `${formatCalendarDate(start)} – ${formatCalendarDate(end)}`;
  if (start) return `From ${formatCalendarDate(start)}`;
  if (end) return `Until ${formatCalendarDate(end)}`;
  return <NotSet>No contract</NotSet>;
}

function AccountType({ account }: { account: TCustomerAccount }): ReactNode {
  const label = ACCOUNT_TYPE_LABELS[account.accountType];
  const parent = account.parentAccount;
  if (!parent) return label;
  return (
    <Group component="span" gap={6} wrap="wrap">
      <span>{label} of</span>
      <RouterAnchor to="/customers/$customerId" params={{ customerId: parent.id }} fz="sm">
        <span className="ld-mono">{parent.accountNumber}</span> {parent.displayName}
      </RouterAnchor>
    </Group>
  );
}

function paymentTerms(days: number | null): ReactNode {
  if (days === null) return <NotSet>Bill profile's terms</NotSet>;
  if (days === 0) return 'Due on receipt';
  return `Net ${days} days`;
}

/** A website as a link only when it reads as one; anything else stays plain text. */
function Website({ url }: { url: string | null }) {
  if (!url) return <NotSet />;
  const href = safeHref(url);
  if (!href) return url;
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer" fz="sm">
      <Group component="span" gap={4} wrap="nowrap" display="inline-flex">
        {url.replace(/^https?:\/\//i, '')}
        <IconExternalLink size={13} aria-hidden />
        <VisuallyHidden>(opens in a new tab)</VisuallyHidden>
      </Group>
    </Anchor>
  );
}

function safeHref(text: string): string | null {
  const candidate = /^https?:\/\//i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(candidate);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.') ? url.href : null;
  } catch {
    return null;
  }
}
