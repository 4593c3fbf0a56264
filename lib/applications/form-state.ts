/**
 * The register and edit server actions' side of the form: the submitted FormData validated with
 * the schema the browser used (its check is a convenience, this one is the rule), and a refusal
 * from the service (ApplicationInputError) turned into the form's state, beside its field.
 */
import { z } from 'zod';
import { ApplicationInputError, sentence } from './rules';
import {
  APPLICATION_FORM_FIELDS,
  applicationFormValues,
  applicationSchema,
  type ApplicationData,
  type ApplicationFormField,
  type ApplicationFormState,
  type ApplicationFormValues,
} from './schema';

type Refused = Extract<ApplicationFormState, { ok: false }>;

export function readApplicationForm(formData: FormData): { ok: true; data: ApplicationData; values: ApplicationFormValues } | Refused {
  const values = applicationFormValues(formData);
  const parsed = applicationSchema.safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  return { ok: true, data: parsed.data, values };
}

/** The service's field names where the form's differ. */
const FORM_FIELD: Partial<Record<string, ApplicationFormField>> = { rateLimit: 'rateLimitPerMinute' };

/** An ApplicationInputError as the form shows it: beside its field, or above the form. Rethrows anything else. */
export function refusedBy(e: unknown, values: ApplicationFormValues): Refused {
  if (!(e instanceof ApplicationInputError)) throw e;
  const message = sentence({ message: e.message, value: e.value });
  const field = FORM_FIELD[e.field] ?? e.field;
  if ((APPLICATION_FORM_FIELDS as readonly string[]).includes(field)) {
    return { ok: false, fieldErrors: { [field as ApplicationFormField]: [message] }, values };
  }
  return { ok: false, formError: message, values };
}
