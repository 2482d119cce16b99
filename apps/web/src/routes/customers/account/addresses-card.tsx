import { ADDRESS_KIND_LABELS, ADDRESS_KINDS, LISTING_TYPE_LABELS, type AddressKind, type TAccountAddress } from '@linedesk/domain';
import { Box, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { IconFileText, IconMapPin, IconNotebook, IconTruck, type TablerIcon } from '@tabler/icons-react';
import { AccountSection, NotSet } from './account-section';

const KIND_ICONS: Record<AddressKind, TablerIcon> = {
  SERVICE: IconMapPin,
  BILLING: IconFileText,
  LISTING: IconNotebook,
  SHIPPING: IconTruck,
};

/** The three addresses the wizard always takes, in the reference product's words; Shipping only when there is one. */
const ALWAYS_SHOWN: readonly AddressKind[] = ['SERVICE', 'BILLING', 'LISTING'];

export function AddressesCard({ addresses }: { addresses: TAccountAddress[] }) {
  const kinds = ADDRESS_KINDS.filter((kind) => ALWAYS_SHOWN.includes(kind) || addresses.some((address) => address.kind === kind));
  return (
    <AccountSection title="Addresses">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: kinds.length > 3 ? 4 : 3 }} spacing="md">
        {kinds.map((kind) => (
          <AddressBlock key={kind} kind={kind} address={addresses.find((address) => address.kind === kind) ?? null} />
        ))}
      </SimpleGrid>
    </AccountSection>
  );
}

function AddressBlock({ kind, address }: { kind: AddressKind; address: TAccountAddress | null }) {
  const Icon = KIND_ICONS[kind];
  return (
    <Paper p="md" bg="gray.0" style={{ borderColor: 'var(--ld-border)' }}>
      <Title order={3} fz="sm" mb={6} style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
        <Icon size={16} stroke={1.7} color="var(--mantine-color-brand-6)" aria-hidden />
        {ADDRESS_KIND_LABELS[kind]}
      </Title>
      {address ? (
        <>
          <Box component="address" fz="sm" style={{ fontStyle: 'normal', lineHeight: 1.55 }}>
            <Text fz="sm" fw={600}>
              {address.name}
            </Text>
            <div>{address.line1}</div>
            {address.line2 && <div>{address.line2}</div>}
            <div>
              {address.city}, {address.state} {address.zip}
              {address.zip4 ? `-${address.zip4}` : ''}
            </div>
          </Box>
          {kind === 'LISTING' && (address.listingType || address.listedName) && (
            <Box mt="xs" pt="xs" style={{ borderTop: '1px solid var(--ld-border)' }}>
              {address.listingType && (
                <Text fz="xs">
                  <Text span fz="xs" c="dimmed">
                    Listing type:{' '}
                  </Text>
                  {LISTING_TYPE_LABELS[address.listingType]}
                </Text>
              )}
              {address.listedName && (
                <Text fz="xs">
                  <Text span fz="xs" c="dimmed">
                    Listed name:{' '}
                  </Text>
                  {address.listedName}
                </Text>
              )}
            </Box>
          )}
        </>
      ) : (
        <NotSet>None on file</NotSet>
      )}
    </Paper>
  );
}
