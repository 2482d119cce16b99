import { CONTACT_TYPE_LABELS, type TCustomerAccount } from '@linedesk/domain';
import { Anchor, Group, Table, Text } from '@mantine/core';
import { formatPhone } from '../../../lib/format';
import { AccountSection, MarkerBadge, NotSet } from './account-section';

type Contact = TCustomerAccount['contacts'][number];

export function ContactsCard({ contacts }: { contacts: Contact[] }) {
  // The primary contact first, then the others as they were entered.
  const sorted = [...contacts].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  return (
    <AccountSection title="Contacts" aside={<Count n={contacts.length} one="contact" many="contacts" />} flush>
      {sorted.length === 0 ? (
        <Text fz="sm" c="dimmed" px="lg" pb="lg">
          No contacts on this account.
        </Text>
      ) : (
        <div className="ld-table-wrap">
          <Table aria-label="Contacts" style={{ minWidth: 720 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Type</Table.Th>
                <Table.Th scope="col">Phone</Table.Th>
                <Table.Th scope="col">Mobile</Table.Th>
                <Table.Th scope="col">Email</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((contact) => (
                <Table.Tr key={contact.id}>
                  <Table.Th scope="row" fw={400} style={{ whiteSpace: 'nowrap' }}>
                    <Group gap="xs" wrap="nowrap">
                      <div>
                        <Text fz="sm" fw={600}>
                          {contact.firstName} {contact.lastName}
                        </Text>
                        {contact.title && (
                          <Text fz="xs" c="dimmed">
                            {contact.title}
                          </Text>
                        )}
                      </div>
                      {contact.isPrimary && <MarkerBadge>Primary</MarkerBadge>}
                    </Group>
                  </Table.Th>
                  <Table.Td>
                    <Text fz="sm">{CONTACT_TYPE_LABELS[contact.contactType]}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{phoneCell(contact.phone)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{phoneCell(contact.mobile)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {contact.email ? (
                      <Anchor href={`mailto:${contact.email}`} fz="sm">
                        {contact.email}
                      </Anchor>
                    ) : (
                      <NotSet>—</NotSet>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </AccountSection>
  );
}

function phoneCell(phone: string | null) {
  if (!phone) return <NotSet>—</NotSet>;
  const display = formatPhone(phone);
  return (
    <Anchor href={`tel:${phone.replace(/[^\d+]/g, '')}`} fz="sm" c="inherit">
      {display}
    </Anchor>
  );
}

export function Count({ n, one, many }: { n: number; one: string; many: string }) {
  return (
    <Text fz="xs" c="dimmed">
      {n === 1 ? `1 ${one}` : `${n} ${many}`}
    </Text>
  );
}
