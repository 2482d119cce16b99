import { createTheme, type MantineColorsTuple } from '@mantine/core';

// Indigo brand: reads as calm and trustworthy on dense, data-heavy screens.
const brand: MantineColorsTuple = [
  '#eef0ff',
  '#e0e4ff',
  '#c5cbfd',
  '#a5aefb',
  '#8690f6',
  '#6c73f0',
  '#5458e6',
  '#4546cb',
  '#393ba4',
  '#313482',
];

// System fonts only: the CSP allows no third-party font hosts, and nothing has to download.
const SYSTEM_FONTS =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji'";

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: 6,
  colors: { brand },
  fontFamily: SYSTEM_FONTS,
  fontFamilyMonospace: "ui-monospace, SFMono-Regular, 'SF Mono', Menlo, Consolas, 'Liberation Mono', monospace",
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  headings: {
    fontFamily: SYSTEM_FONTS,
    fontWeight: '650',
    sizes: {
      h1: { fontSize: '1.5rem', lineHeight: '1.3' },
      h2: { fontSize: '1.125rem', lineHeight: '1.4' },
      h3: { fontSize: '1rem', lineHeight: '1.45' },
    },
  },
  components: {
    Table: { defaultProps: { verticalSpacing: 'sm', horizontalSpacing: 'md' } },
    Paper: { defaultProps: { withBorder: true, radius: 'md' } },
    Modal: { defaultProps: { centered: true, radius: 'md' } },
  },
});
