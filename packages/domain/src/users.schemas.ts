import { z } from 'zod';
import { ZRole } from './roles.js';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address' }));

export const ZPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `Use at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(PASSWORD_MAX_LENGTH, { message: `Use at most ${PASSWORD_MAX_LENGTH} characters` });

export const ZPersonName = z.string().trim().min(1, { message: 'Enter a name' }).max(120);

export const ZSignInInput = z.object({
  email: ZEmail,
  password: z.string().min(1, { message: 'Enter your password' }).max(PASSWORD_MAX_LENGTH),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;

export const ZUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  isActive: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZSessionInfo = z.object({
  user: ZUser,
  expiresAt: z.string(),
});
export type TSessionInfo = z.infer<typeof ZSessionInfo>;

export const ZCreateUserInput = z.object({
  email: ZEmail,
  name: ZPersonName,
  role: ZRole,
  password: ZPassword,
});
export type TCreateUserInput = z.infer<typeof ZCreateUserInput>;

export const ZUpdateUserInput = z
  .object({
    name: ZPersonName,
    role: ZRole,
    isActive: z.boolean(),
    password: ZPassword,
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: 'Change at least one field' });
export type TUpdateUserInput = z.infer<typeof ZUpdateUserInput>;

export const ZChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, { message: 'Enter your current password' }).max(PASSWORD_MAX_LENGTH),
    newPassword: ZPassword,
  })
  .refine((value) => value.currentPassword !== value.newPassword, {
    message: 'Choose a password different from the current one',
    path: ['newPassword'],
  });
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;

export const ZUserListQuery = z.object({
  search: z.string().trim().max(120).optional(),
  role: ZRole.optional(),
  status: z.enum(['active', 'inactive', 'all']).default('all'),
});
export type TUserListQuery = z.infer<typeof ZUserListQuery>;
