/**
 * What the register and edit server actions share: the submitted form validated with the
 * schema the browser used (its check is a convenience, this one is the rule), then the rules
 * that depend on settings (`checkApplicationInput`), each problem mapped to its field.
 */
import { z } from 'zod';
import { ApplicationInputError, checkApplicationInput } from '@/lib/applications';
import type { Settings } from '@/lib/oauth/settings';
import {
  APPLICATION_FIELDS,
  applicationFormValues,
  applicationSchema,
  type ApplicationData,
  type ApplicationField,
  type ApplicationFormState,
  type ApplicationFormValues,
} from '@/lib/validations/application';

type Refused = Extract<ApplicationFormState, { ok: false }>;

export function readApplicationForm(
  formData: FormData,
  settings: Pick<Settings, 'allowedRedirectUriSchemes'>,
): { ok: true; data: ApplicationData; values: ApplicationFormValues } | Refused {
  const values = applicationFormValues(formData);
  const parsed = applicationSchema.safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const data = parsed.data;
  try {
    checkApplicationInput({ ...data, ownerId: null }, settings);
  } catch (e) {
    return refusedBy(e, values);
  }
  return { ok: true, data, values };
}

/** An ApplicationInputError as the form shows it: beside its field, or above the form. Rethrows anything else. */
export function refusedBy(e: unknown, values: ApplicationFormValues): Refused {
  if (!(e instanceof ApplicationInputError)) throw e;
  // A sentence gets its capital; a message that starts with the URI it is about keeps it as typed.
  const firstWord = e.message.split(' ')[0] ?? '';
  const message = firstWord.includes(':') ? e.message : e.message.charAt(0).toUpperCase() + e.message.slice(1);
  if ((APPLICATION_FIELDS as readonly string[]).includes(e.field)) {
    return { ok: false, fieldErrors: { [e.field as ApplicationField]: [message] }, values };
  }
  return { ok: false, formError: message, values };
}
