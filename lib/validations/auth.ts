/**
 * The sign-in and sign-up forms' one schema each: the client form validates with it
 * (react-hook-form + zodResolver) and the server action validates the same FormData again.
 */
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MESSAGES, PASSWORD_MIN_LENGTH, passwordShapeProblem } from '@/lib/auth/password-rules';

export { PASSWORD_MIN_LENGTH } from '@/lib/auth/password-rules';

const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address')
  .max(254, 'Enter a valid email address')
  .pipe(z.email('Enter a valid email address'));

const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  // argon2 takes any length; this only stops a megabyte "password" from costing a hash.
  .max(1024, 'Password must be at most 1024 characters');

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
    name: z.string().trim().max(100, 'Name must be at most 100 characters').optional(),
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
    confirmPassword: z.string().min(1, 'Type the new password again'),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'The two passwords do not match: type the same password twice' });

export type SignInInput = z.input<typeof signInSchema>;
export type SignUpInput = z.input<typeof signUpSchema>;
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;
