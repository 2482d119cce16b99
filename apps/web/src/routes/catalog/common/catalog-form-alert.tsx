import { Alert, List, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { FormAlert } from '../../../components/common/form-alert';
import { CONFLICT_MESSAGE } from '../../../hooks/api/catalog';
import type { CatalogFormAlertState } from './use-catalog-form';

/**
 * The top of a catalog form: why it was reloaded (someone else saved first), the server's reason
 * for refusing it, and any error whose field has no input on screen to show it.
 */
export function CatalogFormAlert({ state }: { state: CatalogFormAlertState }) {
  const { alertId, unshown, reloaded, noticeRef, error } = state;
  return (
    <>
      {reloaded && (
        <Alert ref={noticeRef} tabIndex={-1} color="yellow" variant="light" role="alert" icon={<IconRefresh size={18} aria-hidden />}>
          {CONFLICT_MESSAGE}
        </Alert>
      )}
      <FormAlert error={error} />
      {unshown.length > 0 && (
        <Alert id={alertId} tabIndex={-1} color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} aria-hidden />}>
          <Stack gap={4}>
            <Text fz="sm" fw={600}>
              {unshown.length === 1 ? 'One problem has no field on screen:' : 'These problems have no field on screen:'}
            </Text>
            <List fz="sm" spacing={2}>
              {unshown.map(({ field, message }) => (
                <List.Item key={field}>
                  {field === 'form' ? message : (
                    <>
                      <Text span className="ld-mono" fz="sm">
                        {field}
                      </Text>
                      : {message}
                    </>
                  )}
                </List.Item>
              ))}
            </List>
          </Stack>
        </Alert>
      )}
    </>
  );
}
