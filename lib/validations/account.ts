/**
 * The account page's forms, one zod schema each: the browser validates with it
 * (react-hook-form + zodResolver) and the server action validates the same FormData again.
 * The common-password check runs on the server only (lib/auth/password-policy.ts: the list is large).
 */
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MESSAGES, PASSWORD_MIN_LENGTH } from '@/lib/auth/password-rules';

export const nameSchema = z.object({
  name: z.string().trim().max(100, 'Name must be at most 100 characters'),
});

export const emailChangeSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'Enter your new email address')
    .max(254, 'Enter a valid email address')
    .pipe(z.email('Enter a valid email address')),
});

/** A checkbox: "on" when ticked, absent when not. */
const checkbox = z.union([z.literal('on'), z.literal('true'), z.boolean(), z.literal(''), z.undefined(), z.null()]).transform((v) => v === 'on' || v === 'true' || v === true);

export const passwordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password').max(1024, 'Password must be at most 1024 characters'),
    newPassword: z
      .string()
      .refine((p) => [...p].length >= PASSWORD_MIN_LENGTH, PASSWORD_MESSAGES.tooShort)
      .refine((p) => [...p].length <= PASSWORD_MAX_LENGTH, PASSWORD_MESSAGES.tooLong),
    confirmPassword: z.string(),
    keepAppsSignedIn: checkbox,
  })
  .refine((v) => v.confirmPassword === v.newPassword, { path: ['confirmPassword'], message: 'The two passwords do not match: type the new password again' });

export const deleteAccountSchema = z.object({
  confirmEmail: z.string().trim().toLowerCase().min(1, 'Type your email address to confirm'),
});

export type PasswordChangeInput = z.input<typeof passwordChangeSchema>;
