import type { TCustomerAccount } from '@linedesk/domain';
import { Alert, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { DetailPage } from '../../../components/common/detail-page';
import { useDocumentTitle } from '../../../components/common/page';
import { useCustomerAccount } from '../../../hooks/api/customers';
import { RouterButton } from '../../orders/order-links';
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

  return (
    <DetailPage
      query={account}
      size={1400}
      parent={{ to: '/customers', label: 'Customers' }}
      noun="account"
      notFound={{
        action: 'Search customers',
        children: 'The address may have been typed wrong. Search for the customer by name, account number or phone number instead.',
      }}
      current={(data) => data.accountNumber}
    >
      {(data) => <AccountBody data={data} createdOrder={createdOrder} onDismissCreated={onDismissCreated} />}
    </DetailPage>
  );
}

function AccountBody({ data, createdOrder, onDismissCreated }: { data: TCustomerAccount } & Omit<Props, 'customerId'>) {
  const createdOrderId = createdOrder ? data.orders.find((order) => order.orderNumber === createdOrder)?.id : undefined;
  return (
    <>
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
    </>
  );
}
