import { NavLink, type NavLinkProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { Ref } from 'react';

type AnchorNavLinkProps = NavLinkProps & Omit<React.AnchorHTMLAttributes<HTMLAnchorElement>, keyof NavLinkProps> & {
  ref?: Ref<HTMLAnchorElement>;
};

function AnchorNavLink(props: AnchorNavLinkProps) {
  return <NavLink component="a" {...props} />;
}

/** Mantine's NavLink look with the router's typed `to`, preloading and active state. */
export const RouterNavLink = createLink(AnchorNavLink);
