import { PasswordInput, type PasswordInputProps } from '@mantine/core';

/**
 * A password input whose show/hide toggle is not named "…password…": otherwise a label lookup for
 * "Password" would find two controls (the input and the toggle) for assistive tech and tests alike.
 */
export function PasswordField(props: PasswordInputProps) {
  return <PasswordInput visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the typed characters' }} {...props} />;
}
