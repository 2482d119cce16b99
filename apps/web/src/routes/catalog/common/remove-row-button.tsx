import { ActionIcon, type ActionIconProps } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';

/** The trash button at the end of an editable table row; its name says which row it removes. */
export function RemoveRowButton({ id, label, onClick, ...props }: ActionIconProps & { id: string; label: string; onClick: () => void }) {
  return (
    <ActionIcon id={id} variant="subtle" color="gray" aria-label={label} onClick={onClick} {...props}>
      <IconTrash size={16} aria-hidden />
    </ActionIcon>
  );
}
