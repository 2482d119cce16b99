import type { Role } from '@linedesk/domain';
import {
  IconAddressBook,
  IconBook2,
  IconBuildingWarehouse,
  IconDeviceMobile,
  IconHistory,
  IconHome2,
  IconKey,
  IconReceipt,
  IconSettings,
  IconUserCircle,
  IconUsers,
  type TablerIcon,
} from '@tabler/icons-react';
import type { LinkProps } from '@tanstack/react-router';
import { ADMIN_ONLY, EVERY_ROLE, SIGN_UP_ROLES, STOCK_ROLES, canAccess } from '../../lib/access';

/** A path this app's router knows; a typo fails the type check instead of producing a dead link. */
export type AppPath = NonNullable<LinkProps['to']>;

export type NavSection = 'workspace' | 'admin' | 'account';

type NavCommon = {
  label: string;
  icon: TablerIcon;
  roles: readonly Role[];
  section: NavSection;
  /** One line for the home page's shortcuts; items without one get no shortcut. */
  description?: string;
};

/** An in-app page, an external page (opens in a new tab), or a group whose children are pages. */
export type NavItem =
  | (NavCommon & { kind: 'page'; to: AppPath; exact?: boolean })
  | (NavCommon & { kind: 'external'; href: string })
  | (NavCommon & { kind: 'group'; children: NavChild[] });

/** A page inside a group. `exact: false` keeps it highlighted on its sub-pages (an editor under a list). */
export type NavChild = { label: string; to: AppPath; roles?: readonly Role[]; exact?: boolean };

export const NAV_SECTION_LABELS: Record<NavSection, string | null> = {
  workspace: null,
  admin: 'Administration',
  account: null,
};

/**
 * The whole menu. "Only pages that work exist": add an entry in the same change that adds its
 * page. Labels are the reference product's words (Customers > Create New), so its users find
 * their way at once.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { kind: 'page', label: 'Home', to: '/', exact: true, icon: IconHome2, roles: EVERY_ROLE, section: 'workspace' },
  {
    kind: 'group',
    label: 'Customers',
    icon: IconAddressBook,
    // Everyone searches and views accounts; signing customers up is for admins and agents.
    roles: EVERY_ROLE,
    section: 'workspace',
    description: 'Customer accounts, with their profile, lines and orders.',
    children: [
      // Create New stays highlighted through the wizard's steps (/customers/new/$draftId/$step).
      { label: 'Create New', to: '/customers/new', roles: SIGN_UP_ROLES, exact: false },
      // Exact: every Customers page sits under /customers, and only the search itself is Search.
      { label: 'Search', to: '/customers' },
      { label: 'Drafts', to: '/customers/drafts', roles: SIGN_UP_ROLES },
    ],
  },
  {
    kind: 'group',
    label: 'Orders',
    icon: IconReceipt,
    roles: EVERY_ROLE,
    section: 'workspace',
    description: 'Every order: assign its devices and SIMs, send it and follow it to the carrier; fix the fallout.',
    children: [
      // Not exact: an order's page (/orders/$orderId) keeps All Orders highlighted (Fallout, under it, is its own).
      { label: 'All Orders', to: '/orders', exact: false },
      { label: 'Fallout', to: '/orders/fallout' },
    ],
  },
  {
    kind: 'group',
    label: 'Inventory',
    icon: IconDeviceMobile,
    // Everyone searches stock; stock keepers receive it.
    roles: EVERY_ROLE,
    section: 'workspace',
    description: 'Devices, SIMs and eSIM profiles in stock: search, receive and import.',
    children: [
      // Not exact: an item's page (/inventory/items/$itemId) keeps Items highlighted.
      { label: 'Items', to: '/inventory/items', exact: false },
      { label: 'Receive', to: '/inventory/receive', roles: STOCK_ROLES },
      { label: 'Import CSV', to: '/inventory/import', roles: STOCK_ROLES },
      { label: 'TAC Table', to: '/inventory/tacs', roles: STOCK_ROLES },
    ],
  },
  {
    kind: 'group',
    label: 'Catalog',
    icon: IconBuildingWarehouse,
    roles: ADMIN_ONLY,
    section: 'admin',
    description: 'Set up carriers, packages, products and rates the wizard sells.',
    children: [
      { label: 'Carriers', to: '/catalog/carriers', exact: false },
      { label: 'Packages', to: '/catalog/packages', exact: false },
      { label: 'Products', to: '/catalog/products' },
      { label: 'Line Types', to: '/catalog/line-types' },
      { label: 'Long Distance Rates', to: '/catalog/ld-rate-plans' },
      { label: 'Bill Profiles', to: '/catalog/bill-profiles' },
      { label: 'Agents', to: '/catalog/agents' },
      { label: 'Import / Export', to: '/catalog/import-export' },
    ],
  },
  {
    kind: 'page',
    label: 'Users',
    to: '/users',
    icon: IconUsers,
    roles: ADMIN_ONLY,
    section: 'admin',
    description: 'Add people, set their roles and reset passwords.',
  },
  {
    kind: 'page',
    label: 'Integrations',
    to: '/integrations',
    icon: IconKey,
    roles: ADMIN_ONLY,
    section: 'admin',
    description: 'API keys, event subscriptions, and the defaults of customers created through the API.',
  },
  {
    kind: 'page',
    label: 'Audit Log',
    to: '/audit',
    icon: IconHistory,
    roles: ADMIN_ONLY,
    section: 'admin',
    description: 'See who changed what, and when.',
  },
  {
    kind: 'page',
    label: 'Settings',
    to: '/settings/customer-profile',
    icon: IconSettings,
    roles: ADMIN_ONLY,
    section: 'admin',
    description: 'Choose which Customer Profile fields the wizard shows, and which are required.',
  },
  {
    kind: 'external',
    label: 'API Docs',
    href: '/api/docs',
    icon: IconBook2,
    roles: ADMIN_ONLY,
    section: 'admin',
    description: 'Reference for integrating with the LineDesk API.',
  },
  {
    kind: 'page',
    label: 'My Account',
    to: '/account',
    icon: IconUserCircle,
    roles: EVERY_ROLE,
    section: 'account',
  },
];

/** The items a role may see, grouped by section in menu order; empty sections are dropped. */
export function navFor(role: Role, sections: readonly NavSection[]): { section: NavSection; items: NavItem[] }[] {
  return sections
    .map((section) => ({
      section,
      items: NAV_ITEMS.filter((item) => item.section === section && canAccess(role, item.roles)),
    }))
    .filter((group) => group.items.length > 0);
}

/** A group's children this role may open. */
export function childrenFor(role: Role, item: Extract<NavItem, { kind: 'group' }>): NavChild[] {
  return item.children.filter((child) => !child.roles || canAccess(role, child.roles));
}

/** Shortcut cards for the home page: every item this role can open that describes itself. */
export function shortcutsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.description && canAccess(role, item.roles));
}
