import { Group, Text } from '@mantine/core';

/** The LineDesk mark: drawn inline so it needs no image request and no CSP exception. */
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--mantine-color-brand-6)" />
      <path
        d="M10 8v13.5a2.5 2.5 0 0 0 2.5 2.5H23"
        fill="none"
        stroke="#fff"
        strokeWidth="3.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <circle cx="20.5" cy="11.5" r="3" fill="var(--mantine-color-brand-2)" />
    </svg>
  );
}

export function Logo({ size = 28 }: { size?: number }) {
  return (
    <Group gap={10} wrap="nowrap">
      <LogoMark size={size} />
      <Text component="span" fw={700} fz={size * 0.62} lh={1} style={{ letterSpacing: '-0.01em' }}>
        LineDesk
      </Text>
    </Group>
  );
}
