import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { authKeys, useSignOut } from '../../hooks/api/auth';
import { isApiError } from '../../lib/api-client';
import { errorReason } from '../../lib/form-errors';

/** Signs out, forgets everything cached for this user, and lands on the sign-in page. */
export function useSignOutFlow() {
  const signOut = useSignOut();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  async function run() {
    try {
      await signOut.mutateAsync();
    } catch (error) {
      // An already-ended session is as good as signed out; anything else is worth saying.
      if (!(isApiError(error) && error.isUnauthenticated)) {
        notifications.show({ color: 'red', title: 'Could not sign out', message: errorReason(error) });
        return;
      }
    }
    // Null first: the sign-in page sends a signed-in visitor straight back in.
    queryClient.setQueryData(authKeys.session(), null);
    await navigate({ to: '/sign-in', replace: true });
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
  }

  return { run, isPending: signOut.isPending };
}
