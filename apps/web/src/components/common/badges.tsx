import {
  CUSTOMER_STATUS_LABELS,
  LINE_STATUS_LABELS,
  ORDER_STATUS_LABELS,
  ROLE_LABELS,
  type CustomerStatus,
  type LineStatus,
  type OrderStatus,
  type Role,
} from '@linedesk/domain';
import { Badge } from '@mantine/core';

const ROLE_COLORS: Record<Role, string> = {
  admin: 'brand',
  agent: 'teal',
  inventory: 'orange',
  viewer: 'gray',
};

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge color={ROLE_COLORS[role]} variant="light" radius="sm" tt="none" fw={600}>
      {ROLE_LABELS[role]}
    </Badge>
  );
}

export function StatusBadge({ isActive }: { isActive: boolean }) {
  return (
    <Badge color={isActive ? 'green' : 'gray'} variant="dot" radius="sm" tt="none" fw={600}>
      {isActive ? 'Active' : 'Inactive'}
    </Badge>
  );
}

// Lifecycle colours, the same meaning everywhere: yellow waits on someone, blue is moving along,
// green is done and in service, orange needs a look, red needs fixing, gray is over.
const CUSTOMER_STATUS_COLORS: Record<CustomerStatus, string> = {
  PROSPECT: 'blue',
  PENDING: 'yellow',
  OPEN: 'green',
  CLOSED: 'gray',
};

const ORDER_STATUS_COLORS: Record<OrderStatus, string> = {
  PENDING: 'yellow',
  READY: 'cyan',
  SENT: 'blue',
  IN_PROGRESS: 'brand',
  COMPLETE: 'green',
  PARTIAL: 'orange',
  ERROR: 'red',
  CANCELLED: 'gray',
};

const LINE_STATUS_COLORS: Record<LineStatus, string> = {
  PENDING: 'yellow',
  ACTIVE: 'green',
  SUSPENDED: 'orange',
  DISCONNECTED: 'gray',
  CANCELLED: 'gray',
};

function LifecycleBadge({ color, label }: { color: string; label: string }) {
  return (
    <Badge color={color} variant="light" radius="sm" tt="none" fw={600}>
      {label}
    </Badge>
  );
}

export function CustomerStatusBadge({ status }: { status: CustomerStatus }) {
  return <LifecycleBadge color={CUSTOMER_STATUS_COLORS[status]} label={CUSTOMER_STATUS_LABELS[status]} />;
}

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <LifecycleBadge color={ORDER_STATUS_COLORS[status]} label={ORDER_STATUS_LABELS[status]} />;
}

export function LineStatusBadge({ status }: { status: LineStatus }) {
  return <LifecycleBadge color={LINE_STATUS_COLORS[status]} label={LINE_STATUS_LABELS[status]} />;
}
