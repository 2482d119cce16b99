import { describe, expect, it } from 'vitest';
import { ZChangePasswordInput, ZCreateUserInput, ZUpdateUserInput } from './users.schemas.js';

describe('user schemas', () => {
  it('should trim and lower-case emails', () => {
    const parsed = ZCreateUserInput.parse({ email: '  Ann@Example.COM ', name: ' Ann ', role: 'agent', password: 'long-enough-1' });
    expect(parsed).toMatchObject({ email: 'ann@example.com', name: 'Ann' });
  });

  it('should refuse an empty update', () => {
    expect(ZUpdateUserInput.safeParse({}).success).toBe(false);
    expect(ZUpdateUserInput.safeParse({ isActive: false }).success).toBe(true);
  });

  it('should refuse a new password equal to the current one, on the new password field', () => {
    const result = ZChangePasswordInput.safeParse({ currentPassword: 'same-password-1', newPassword: 'same-password-1' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['newPassword']);
  });
});
