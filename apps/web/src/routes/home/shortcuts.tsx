import type { Role } from '@linedesk/domain';
import { Group, Paper, SimpleGrid, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconArrowUpRight, IconChevronRight } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { childrenFor, shortcutsFor, type NavItem } from '../../components/nav/nav-items';

/** Cards for the pages this role can open, taken from the menu so they never point at a missing page. */
export function Shortcuts({ role }: { role: Role }) {
  const items = shortcutsFor(role);
  if (items.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      {items.map((item) => (
        <ShortcutCard key={item.label} item={item} role={role} />
      ))}
    </SimpleGrid>
  );
}

function ShortcutCard({ item, role }: { item: NavItem; role: Role }) {
  const Icon = item.icon;
  const body: ReactNode = (
    <Paper p="md" h="100%" style={{ borderColor: 'var(--ld-border)' }}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <ThemeIcon variant="light" size={36} radius="md" aria-hidden>
          <Icon size={20} stroke={1.7} />
        </ThemeIcon>
        {item.kind === 'external' ? (
          <IconArrowUpRight size={16} color="var(--mantine-color-gray-5)" aria-hidden />
        ) : (
          <IconChevronRight size={16} color="var(--mantine-color-gray-5)" aria-hidden />
        )}
      </Group>
      <Text fw={600} fz="sm" mt="sm">
        {item.label}
      </Text>
      <Text c="dimmed" fz="xs" mt={2}>
        {item.description}
      </Text>
    </Paper>
  );
  const style = { display: 'block', borderRadius: 'var(--mantine-radius-md)' };
  if (item.kind === 'external') {
    return (
      <UnstyledButton component="a" href={item.href} target="_blank" rel="noopener" style={style}>
        {body}
      </UnstyledButton>
    );
  }
  // A group's card opens its first page the role may see.
  const to = item.kind === 'page' ? item.to : childrenFor(role, item)[0]?.to;
  if (!to) return null;
  return (
    <UnstyledButton component={Link} to={to} style={style}>
      {body}
    </UnstyledButton>
  );
}
