/**
 * The account page's forms, one zod schema each: the browser validates with it
 * (react-hook-form + zodResolver) and the server action validates the same FormData again.
 * The common-password check runs on the server only (lib/auth/password-policy.ts: the list is large).
 *
 * Each schema is made with the page's words (`accountValidation` in messages/<locale>/account.json):
 * the form passes next-intl's `useTranslations('accountValidation')`, the action
 * `getTranslations('accountValidation')`, so the browser and the server say the same thing in the
 * same language.
 */
import { z } from 'zod';
import type { Messages } from '@/lib/i18n/messages';
import { PASSWORD_MAX_LENGTH, PASSWORD_MESSAGES, PASSWORD_MIN_LENGTH } from '@/lib/auth/password-rules';

export type AccountValidationKey = keyof Messages['accountValidation'];
/** A translator for the `accountValidation` namespace. */
export type ValidationText = (key: AccountValidationKey, values?: Record<string, number>) => string;

export const nameSchema = (t: ValidationText) =>
  z.object({
    name: z.string().trim().max(100, t('nameTooLong')),
  });

export const emailChangeSchema = (t: ValidationText) =>
  z.object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, t('emailRequired'))
      .max(254, t('emailInvalid'))
      .pipe(z.email(t('emailInvalid'))),
  });

/** A checkbox: "on" when ticked, absent when not. */
const checkbox = z.union([z.literal('on'), z.literal('true'), z.boolean(), z.literal(''), z.undefined(), z.null()]).transform((v) => v === 'on' || v === 'true' || v === true);

export const passwordChangeSchema = (t: ValidationText) =>
  z
    .object({
      currentPassword: z.string().min(1, t('currentPasswordRequired')).max(1024, t('currentPasswordTooLong')),
      newPassword: z
        .string()
        .refine((p) => [...p].length >= PASSWORD_MIN_LENGTH, t('passwordTooShort', { min: PASSWORD_MIN_LENGTH }))
        .refine((p) => [...p].length <= PASSWORD_MAX_LENGTH, t('passwordTooLong', { max: PASSWORD_MAX_LENGTH })),
      confirmPassword: z.string(),
      keepAppsSignedIn: checkbox,
    })
    .refine((v) => v.confirmPassword === v.newPassword, { path: ['confirmPassword'], message: t('passwordsDiffer') });

export const deleteAccountSchema = (t: ValidationText) =>
  z.object({
    confirmEmail: z.string().trim().toLowerCase().min(1, t('confirmEmailRequired')),
  });

/** Each of the password policy's answers (PASSWORD_MESSAGES) and its words in `accountValidation`. */
const POLICY_KEYS = {
  tooShort: 'passwordTooShort',
  tooLong: 'passwordTooLong',
  isEmail: 'passwordIsEmail',
  common: 'passwordCommon',
} as const satisfies Record<keyof typeof PASSWORD_MESSAGES, AccountValidationKey>;

/**
 * lib/auth/password-policy.ts answers in English (one of PASSWORD_MESSAGES, shared with sign-up
 * and the CLI); this is the same answer in the page's language. Anything else is passed on as is.
 */
export function passwordPolicyText(t: ValidationText, english: string): string {
  const key = (Object.keys(POLICY_KEYS) as (keyof typeof POLICY_KEYS)[]).find((k) => PASSWORD_MESSAGES[k] === english);
  return key ? t(POLICY_KEYS[key], { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }) : english;
}

export type PasswordChangeInput = z.input<ReturnType<typeof passwordChangeSchema>>;
