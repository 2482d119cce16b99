import type { Role } from '@linedesk/domain';
import { NavLink, Stack, Text } from '@mantine/core';
import { IconArrowUpRight } from '@tabler/icons-react';
import { useRouterState } from '@tanstack/react-router';
import { childrenFor, NAV_SECTION_LABELS, navFor, type NavChild, type NavItem, type NavSection } from './nav-items';
import { RouterNavLink } from './router-nav-link';

const ICON_SIZE = 18;

type Props = { role: Role; sections: readonly NavSection[]; onNavigate: () => void };

/** Menu sections built from NAV_ITEMS for the signed-in role; the surrounding <nav> is the layout's. */
export function AppNavbar({ role, sections, onNavigate }: Props) {
  return (
    <Stack gap="lg">
      {navFor(role, sections).map(({ section, items }) => {
        const heading = NAV_SECTION_LABELS[section];
        return (
          <Stack key={section} gap={2}>
            {heading && (
              <Text className="ld-nav-section-label" component="div">
                {heading}
              </Text>
            )}
            {items.map((item) => (
              <NavEntry key={item.label} item={item} role={role} onNavigate={onNavigate} />
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}

function NavEntry({ item, role, onNavigate }: { item: NavItem; role: Role; onNavigate: () => void }) {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const Icon = item.icon;
  const icon = <Icon size={ICON_SIZE} stroke={1.7} aria-hidden />;
  const common = { label: item.label, leftSection: icon, variant: 'light' as const, styles: navLinkStyles };

  switch (item.kind) {
    case 'page':
      return (
        <RouterNavLink
          {...common}
          to={item.to}
          activeOptions={{ exact: item.exact ?? false, includeSearch: false }}
          activeProps={{ active: true }}
          onClick={onNavigate}
        />
      );
    case 'external':
      return (
        <NavLink
          {...common}
          component="a"
          href={item.href}
          target="_blank"
          rel="noopener"
          title="Opens in a new tab"
          rightSection={<IconArrowUpRight size={14} aria-hidden />}
        />
      );
    case 'group': {
      const children = childrenFor(role, item);
      return (
        // A real <button>: Mantine's default <a> without href is skipped by Tab and has no role.
        <NavLink {...common} component="button" defaultOpened>
          {children.map((child) => (
            <RouterNavLink
              key={child.label}
              label={child.label}
              to={child.to}
              // A list's search or filters in the address (`?q=`) are still that list. A page under another
              // (Orders > Fallout at /orders/fallout) is its own entry: the list above it is then not highlighted.
              activeOptions={{ exact: (child.exact ?? true) || shadowedBySibling(child, children, pathname), includeSearch: false }}
              activeProps={{ active: true }}
              variant="light"
              styles={navLinkStyles}
              onClick={onNavigate}
            />
          ))}
        </NavLink>
      );
    }
  }
}

/** Whether a sibling entry deeper under `child`'s path is the page open now. */
function shadowedBySibling(child: NavChild, siblings: readonly NavChild[], pathname: string): boolean {
  const path = pathname.replace(/\/+$/, '') || '/';
  return siblings.some((other) => other !== child && other.to.startsWith(`${child.to}/`) && (path === other.to || (other.exact === false && path.startsWith(`${other.to}/`))));
}

const navLinkStyles = {
  root: { borderRadius: 'var(--mantine-radius-md)', padding: '7px 12px' },
  label: { fontSize: 'var(--mantine-font-size-sm)', fontWeight: 500 },
} as const;
