import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { isApiError } from '../../lib/api-client';
import { errorReason } from '../../lib/form-errors';

/** The server's reason for refusing a form, announced to screen readers as it appears. */
export function FormAlert({ error }: { error: unknown }) {
  if (!error) return null;
  // When the reason is already shown under the input it concerns, saying it twice is noise.
  if (isApiError(error) && error.fields.some((field) => field.message === error.reason)) return null;
  return (
    <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} aria-hidden />}>
      {errorReason(error)}
    </Alert>
  );
}
