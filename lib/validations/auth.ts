/**
 * The sign-in and sign-up forms' one schema each: the client form validates with it
 * (react-hook-form + zodResolver) and the server action validates the same FormData again.
 */
import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 8;

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

export const signUpSchema = z.object({
  email,
  password,
  name: z.string().trim().max(100, 'Name must be at most 100 characters').optional(),
});

export type SignInInput = z.input<typeof signInSchema>;
export type SignUpInput = z.input<typeof signUpSchema>;
