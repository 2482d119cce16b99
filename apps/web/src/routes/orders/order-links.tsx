import { Button, Menu, type ButtonProps, type MenuItemProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, Ref } from 'react';

type AnchorAttributes<P> = P & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, keyof P> & { ref?: Ref<HTMLAnchorElement> };

function ButtonAnchor(props: AnchorAttributes<ButtonProps>) {
  return <Button component="a" {...props} />;
}

function MenuItemAnchor(props: AnchorAttributes<MenuItemProps>) {
  return <Menu.Item component="a" {...props} />;
}

/** Mantine's Button and Menu.Item as real links with the router's typed `to` and `params` (View Details opens in a new tab too). */
export const RouterButton = createLink(ButtonAnchor);
export const RouterMenuItem = createLink(MenuItemAnchor);
