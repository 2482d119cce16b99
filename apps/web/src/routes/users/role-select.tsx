import { ROLE_LABELS, ROLES, ZRole, type Role } from '@linedesk/domain';
import { NativeSelect } from '@mantine/core';

/** Select options for a role, in the order roles are declared. */
export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/** The "Role" field of the user forms: only a declared role ever reaches the form state. */
export function RoleSelect({ value, onChange, error }: { value: Role; onChange: (role: Role) => void; error?: string }) {
  return (
    <NativeSelect
      label="Role"
      data={ROLE_OPTIONS}
      value={value}
      onChange={(event) => {
        const parsed = ZRole.safeParse(event.currentTarget.value);
        if (parsed.success) onChange(parsed.data);
      }}
      error={error}
    />
  );
}
