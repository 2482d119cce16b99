import type { TProfileFieldSettings } from '@linedesk/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { auditKeys } from './audit';

const PROFILE_FIELDS_PATH = '/api/wizard/profile-fields';

export const settingsKeys = {
  /** Under "wizard": the wizard's Customer Profile step reads the same settings. */
  profileFields: () => ['wizard', 'profile-fields'] as const,
};

/** Which optional Customer Profile fields the wizard shows, and which it requires. */
export function useProfileFieldSettings() {
  return useQuery({
    queryKey: settingsKeys.profileFields(),
    queryFn: ({ signal }) => api.get<TProfileFieldSettings>(PROFILE_FIELDS_PATH, undefined, signal),
  });
}

/** Admin: saves the whole set at once; the server answers with what it saved. */
export function useSaveProfileFieldSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: TProfileFieldSettings) => api.put<TProfileFieldSettings>(PROFILE_FIELDS_PATH, settings),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKeys.profileFields(), saved);
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
}
