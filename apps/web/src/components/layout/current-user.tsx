import type { TUser } from '@linedesk/domain';
import { createContext, useContext } from 'react';

const CurrentUserContext = createContext<TUser | null>(null);

export const CurrentUserProvider = CurrentUserContext.Provider;

/** The signed-in user. Only pages inside the authenticated layout may call this. */
export function useCurrentUser(): TUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser is only available inside the signed-in layout');
  return user;
}
