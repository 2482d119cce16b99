import type { Role } from '@linedesk/domain';
import { NavLink, Stack, Text } from '@mantine/core';
import { IconArrowUpRight } from '@tabler/icons-react';
import { childrenFor, NAV_SECTION_LABELS, navFor, type NavItem, type NavSection } from './nav-items';
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
    case 'group':
      return (
        // A real <button>: Mantine's default <a> without href is skipped by Tab and has no role.
        <NavLink {...common} component="button" defaultOpened>
          {childrenFor(role, item).map((child) => (
            <RouterNavLink
              key={child.label}
              label={child.label}
              to={child.to}
              // A list's search or filters in the address (`?q=`) are still that list.
              activeOptions={{ exact: child.exact ?? true, includeSearch: false }}
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

const navLinkStyles = {
  root: { borderRadius: 'var(--mantine-radius-md)', padding: '7px 12px' },
  label: { fontSize: 'var(--mantine-font-size-sm)', fontWeight: 500 },
} as const;
