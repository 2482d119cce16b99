import { CUSTOMER_CLASS_LABELS, formatCents, type TCustomerAccount } from '@linedesk/domain';
import { Badge, Box, Group, Paper, SimpleGrid, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconBuildingSkyscraper, IconUser } from '@tabler/icons-react';
import { CustomerStatusBadge } from '../../../components/common/badges';
import { HeaderDot, HeaderFigure } from '../../../components/common/header-figure';
import { formatDate, formatDateTime, formatPhone } from '../../../lib/format';

/** The top of the account: who it is, its status, and the figures people look for first. */
export function AccountHeader({ account }: { account: TCustomerAccount }) {
  const Icon = account.customerClass === 'BUSINESS' ? IconBuildingSkyscraper : IconUser;
  const activeLines = account.lines.filter((line) => line.status === 'ACTIVE').length;
  const openOrders = account.orders.filter((order) => !['COMPLETE', 'CANCELLED'].includes(order.status)).length;
  const monthly = account.lines
    .filter((line) => line.status === 'PENDING' || line.status === 'ACTIVE' || line.status === 'SUSPENDED')
    .reduce((sum, line) => sum + line.monthlyCents, 0);
  const service = account.addresses.find((address) => address.kind === 'SERVICE');

  return (
    <Paper style={{ borderColor: 'var(--ld-border)', overflow: 'hidden' }}>
      <Group p="lg" gap="md" align="flex-start" wrap="nowrap">
        <ThemeIcon size={48} radius="md" variant="light" aria-hidden>
          <Icon size={26} stroke={1.6} />
        </ThemeIcon>
        <Box style={{ minWidth: 0, flex: 1 }}>
          <Group gap="sm" align="center" wrap="wrap">
            <Title order={1}>{account.displayName}</Title>
            <CustomerStatusBadge status={account.status} />
          </Group>
          <Group gap={8} mt={6} wrap="wrap" fz="sm" c="dimmed">
            <Text span fz="sm" c="var(--mantine-color-text)" fw={600} className="ld-mono" style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
              {account.accountNumber}
            </Text>
            <HeaderDot />
            <Badge variant="outline" color="gray" radius="sm" tt="none" fw={500}>
              {CUSTOMER_CLASS_LABELS[account.customerClass]}
            </Badge>
            <HeaderDot />
            <Text span fz="sm" c="dimmed">
              Created{' '}
              <Tooltip label={formatDateTime(account.createdAt)} openDelay={300} withinPortal>
                <Text span component="time" dateTime={account.createdAt} fz="sm" c="dimmed">
                  {formatDate(account.createdAt)}
                </Text>
              </Tooltip>{' '}
              by {account.createdBy}
            </Text>
          </Group>
        </Box>
      </Group>
      <SimpleGrid
        component="dl"
        cols={{ base: 2, sm: 4 }}
        spacing={0}
        m={0}
        style={{ borderTop: '1px solid var(--ld-border)', background: 'var(--mantine-color-gray-0)' }}
      >
        <HeaderFigure label="Primary phone">
          <span style={{ whiteSpace: 'nowrap' }}>{account.primaryPhone ? formatPhone(account.primaryPhone) : '—'}</span>
        </HeaderFigure>
        <HeaderFigure label="Service address">{service ? `${service.city}, ${service.state}` : '—'}</HeaderFigure>
        <HeaderFigure label="Active lines">
          {activeLines}
          <Text span fz="xs" c="dimmed" fw={400}>
            {' '}
            of {account.lines.length}
          </Text>
        </HeaderFigure>
        <HeaderFigure label="Monthly charges">
          {formatCents(monthly)}
          {openOrders > 0 && (
            <Text span fz="xs" c="dimmed" fw={400}>
              {' '}
              · {openOrders === 1 ? '1 open order' : `${openOrders} open orders`}
            </Text>
          )}
        </HeaderFigure>
      </SimpleGrid>
    </Paper>
  );
}
