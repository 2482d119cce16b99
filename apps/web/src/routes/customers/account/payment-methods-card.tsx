import { PAYMENT_METHOD_LABELS, type PaymentMethod, type TCustomerAccount } from '@linedesk/domain';
import { Group, SimpleGrid, Text, ThemeIcon } from '@mantine/core';
import { IconBuildingBank, IconCreditCard, IconFileInvoice, type TablerIcon } from '@tabler/icons-react';
import { AccountSection, MarkerBadge } from './account-section';
import { Count } from './contacts-card';

type PaymentMethodView = TCustomerAccount['paymentMethods'][number];

const METHOD_ICONS: Record<PaymentMethod, TablerIcon> = {
  CARD: IconCreditCard,
  BANK: IconBuildingBank,
  INVOICE: IconFileInvoice,
};

/** How the account pays: each method as the server masks it (never a full card or account number). */
export function PaymentMethodsCard({ methods }: { methods: PaymentMethodView[] }) {
  const sorted = [...methods].sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
  return (
    <AccountSection title="Payment methods" aside={<Count n={methods.length} one="method" many="methods" />}>
      {sorted.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No payment method on file.
        </Text>
      ) : (
        <SimpleGrid component="ul" cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" m={0} p={0} style={{ listStyle: 'none' }}>
          {sorted.map((method) => {
            const Icon = METHOD_ICONS[method.method];
            return (
              <Group
                key={method.id}
                component="li"
                gap="sm"
                wrap="nowrap"
                align="center"
                p="sm"
                style={{ border: '1px solid var(--ld-border)', borderRadius: 'var(--mantine-radius-md)' }}
              >
                <ThemeIcon variant="light" color="gray" size={34} radius="md" aria-hidden>
                  <Icon size={18} stroke={1.7} />
                </ThemeIcon>
                <div style={{ minWidth: 0, flex: 1 }}>
                  <Text fz="sm" fw={600}>
                    {method.description}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {PAYMENT_METHOD_LABELS[method.method]}
                  </Text>
                </div>
                {method.isDefault && <MarkerBadge>Default</MarkerBadge>}
              </Group>
            );
          })}
        </SimpleGrid>
      )}
    </AccountSection>
  );
}
