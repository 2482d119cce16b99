import { Alert, Anchor, Breadcrumbs, Button, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconFileUnknown } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { Page, useDocumentTitle } from '../../../components/common/page';
import { ErrorAlert, LoadingState, Panel, StateMessage } from '../../../components/common/status-state';
import { useCustomerAccount } from '../../../hooks/api/customers';
import { RouterButton } from '../../orders/order-links';
import { isApiError } from '../../../lib/api-client';
import { AccountHeader } from './account-header';
import { AddressesCard } from './addresses-card';
import { ContactsCard } from './contacts-card';
import { PaymentMethodsCard } from './payment-methods-card';
import { ProfileCard } from './profile-card';
import { ServicesAndWorkflow } from './services-and-workflow';

type Props = {
  customerId: string;
  /** `?created=ORD-…`: the wizard's Create Order just made this order (and the account). */
  createdOrder: string | null;
  onDismissCreated: () => void;
};

/** A customer account: header, Profile, Addresses, Contacts, Payment methods, then Services and Workflow. */
export function CustomerAccountPage({ customerId, createdOrder, onDismissCreated }: Props) {
  const account = useCustomerAccount(customerId);
  useDocumentTitle(account.data ? `${account.data.displayName} (${account.data.accountNumber})` : 'Customer');

  const crumbs = (current: string) => (
    <Breadcrumbs separator="›" fz="sm">
      <Anchor component={Link} to="/customers" fz="sm">
        Customers
      </Anchor>
      <Text fz="sm" c="dimmed" aria-current="page">
        {current}
      </Text>
    </Breadcrumbs>
  );

  if (account.isPending) {
    return (
      <Page size={1400}>
        {crumbs('Loading')}
        <Panel>
          <LoadingState label="Loading the account" />
        </Panel>
      </Page>
    );
  }

  if (account.isError) {
    const missing = isApiError(account.error) && (account.error.status === 404 || account.error.code === 'VALIDATION_FAILED');
    return (
      <Page size={1400}>
        {crumbs(missing ? 'Not found' : 'Error')}
        {missing ? (
          <Panel>
            <StateMessage
              icon={<IconFileUnknown size={24} />}
              color="gray"
              title="This account does not exist"
              action={
                <Button component={Link} to="/customers" variant="light">
                  Search customers
                </Button>
              }
            >
              The address may have been typed wrong. Search for the customer by name, account number or phone number instead.
            </StateMessage>
          </Panel>
        ) : (
          <ErrorAlert error={account.error} onRetry={() => void account.refetch()} title="Could not load this account" />
        )}
      </Page>
    );
  }

  const data = account.data;
  const createdOrderId = createdOrder ? data.orders.find((order) => order.orderNumber === createdOrder)?.id : undefined;
  return (
    <Page size={1400}>
      {crumbs(data.accountNumber)}
      {createdOrder && (
        <Alert
          color="green"
          variant="light"
          role="status"
          icon={<IconCircleCheck size={20} aria-hidden />}
          title={`Order ${createdOrder} created`}
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={onDismissCreated}
        >
          <Stack gap="xs" align="flex-start">
            <Text fz="sm">
              The account {data.accountNumber} and its order are saved. Next, assign each line&apos;s device and SIM on the order&apos;s
              Inventory tab, then send it to the carrier (Services and Workflow › Orders › Options › View Details).
            </Text>
            {createdOrderId && (
              <RouterButton to="/orders/$orderId" params={{ orderId: createdOrderId }} size="xs" variant="white" color="green">
                View Details
              </RouterButton>
            )}
          </Stack>
        </Alert>
      )}
      <AccountHeader account={data} />
      <ProfileCard account={data} />
      <AddressesCard addresses={data.addresses} />
      <ContactsCard contacts={data.contacts} />
      <PaymentMethodsCard methods={data.paymentMethods} />
      <ServicesAndWorkflow lines={data.lines} orders={data.orders} highlightOrder={createdOrder} />
    </Page>
  );
}
