/**
 * The sign-in and sign-up forms' one schema each: the client form validates with it
 * (react-hook-form + zodResolver) and the server action validates the same FormData again.
 */
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MESSAGES, PASSWORD_MIN_LENGTH, passwordShapeProblem } from '@/lib/auth/password-rules';

export { PASSWORD_MIN_LENGTH } from '@/lib/auth/password-rules';

/** argon2 takes any length; this only stops a megabyte "password" from costing a hash. */
export const SIGN_IN_PASSWORD_MAX_LENGTH = 1024;
export const NAME_MAX_LENGTH = 100;

/**
 * What these forms say, in English (the CLI and the wire say it too). The pages show each in the
 * reader's language: lib/i18n/auth-messages.ts maps every one of these to its catalogue key.
 */
export const AUTH_MESSAGES = {
  emailRequired: 'Enter your email address',
  emailInvalid: 'Enter a valid email address',
  signInPasswordTooShort: `Password must be at least ${PASSWORD_MIN_LENGTH} characters`,
  signInPasswordTooLong: `Password must be at most ${SIGN_IN_PASSWORD_MAX_LENGTH} characters`,
  nameTooLong: `Name must be at most ${NAME_MAX_LENGTH} characters`,
  confirmRequired: 'Type the new password again',
  mismatch: 'The two passwords do not match: type the same password twice',
  emailTaken: 'An account with this email already exists',
} as const;

const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, AUTH_MESSAGES.emailRequired)
  .max(254, AUTH_MESSAGES.emailInvalid)
  .pipe(z.email(AUTH_MESSAGES.emailInvalid));

const password = z.string().min(PASSWORD_MIN_LENGTH, AUTH_MESSAGES.signInPasswordTooShort).max(SIGN_IN_PASSWORD_MAX_LENGTH, AUTH_MESSAGES.signInPasswordTooLong);

export const signInSchema = z.object({ email, password });

/**
 * A password being chosen (lib/auth/password-policy.ts): 8 to 128 characters here, in the
 * browser too; the server action adds the common-password list (too large to ship to browsers).
 */
const newPassword = z.string().min(PASSWORD_MIN_LENGTH, PASSWORD_MESSAGES.tooShort).max(PASSWORD_MAX_LENGTH, PASSWORD_MESSAGES.tooLong);

export const signUpSchema = z
  .object({
    email,
    password: newPassword,
    name: z.string().trim().max(NAME_MAX_LENGTH, AUTH_MESSAGES.nameTooLong).optional(),
  })
  .superRefine((v, ctx) => {
    const problem = passwordShapeProblem(v.password, { email: v.email });
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });

/** /forgot-password. */
export const forgotPasswordSchema = z.object({ email });

/** /reset-password (the token travels in a hidden field, checked by the action). */
export const resetPasswordSchema = z
  .object({
    password: newPassword,
    confirmPassword: z.string().min(1, AUTH_MESSAGES.confirmRequired),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: AUTH_MESSAGES.mismatch });

export type SignInInput = z.input<typeof signInSchema>;
export type SignUpInput = z.input<typeof signUpSchema>;
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;
