import { Group, Pagination, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** How many pages `total` rows fill, at least one. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Under a paged list: which rows are showing, and the pages (only when there is more than one). */
export function ListPager({ label, pages, page, onChange, children }: { label: string; pages: number; page: number; onChange: (page: number) => void; children: ReactNode }) {
  if (pages <= 1) return null;
  return (
    <Group justify="space-between" wrap="wrap" gap="sm">
      <Text fz="sm" c="dimmed">
        {children}
      </Text>
      <nav aria-label={label}>
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={onChange}
          getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
          getControlProps={(control) => ({ 'aria-label': `${control[0]?.toUpperCase()}${control.slice(1)} page` })}
        />
      </nav>
    </Group>
  );
}
