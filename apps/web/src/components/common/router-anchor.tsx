import { Anchor, type AnchorProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, Ref } from 'react';

type Props = AnchorProps & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, keyof AnchorProps> & { ref?: Ref<HTMLAnchorElement> };

function PlainAnchor(props: Props) {
  return <Anchor component="a" {...props} />;
}

/** Mantine's Anchor look with the router's typed `to` and `params` (a polymorphic `component={Link}` loses the params' types). */
export const RouterAnchor = createLink(PlainAnchor);
