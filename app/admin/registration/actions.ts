'use server';
/** Initial access tokens from the console: created (shown once, from this answer, never a URL) and revoked. */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { createInitialAccessToken, revokeInitialAccessTokenAsOperator } from '@/lib/admin/registration-actions';
import { requireOperator } from '@/lib/admin/require-operator';
import { consoleContext } from '@/lib/admin/server-context';

export type CreateTokenState = { ok: true; token: string; expiresAt: string | null; maxUses: number | null } | { ok: false; error: string } | null;

const LIMITS = { expiresInDays: 3650, maxUses: 1_000_000 } as const;

const optionalWhole = (max: number) =>
  z
    .string()
    .trim()
    .transform((v, c) => {
      if (v === '') return null;
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max) {
        c.addIssue({ code: 'custom', message: `a whole number from 1 to ${max}` });
        return z.NEVER;
      }
      return Number(v);
    });

const schema = z.object({
  description: z.string().trim().max(200, 'at most 200 characters'),
  expiresInDays: optionalWhole(LIMITS.expiresInDays),
  maxUses: optionalWhole(LIMITS.maxUses),
});

/** The refusal in the page's language: "<the field's label>: <what it accepts>." */
async function refusal(field: string): Promise<string> {
  const t = await getTranslations('adminRegistration');
  if (field === 'expiresInDays' || field === 'maxUses') {
    // The limit as digits, as the field takes it (no thousands separator to type).
    return t('errorWhole', { field: t(field === 'maxUses' ? 'maxUsesLabel' : 'expiresLabel'), max: String(LIMITS[field]) });
  }
  return t('errorLength', { field: t('descriptionLabel') });
}

export async function createInitialAccessTokenAction(_prev: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  const ctx = await consoleContext(await requireOperator());
  const parsed = schema.safeParse({
    description: String(formData.get('description') ?? ''),
    expiresInDays: String(formData.get('expiresInDays') ?? ''),
    maxUses: String(formData.get('maxUses') ?? ''),
  });
  if (!parsed.success) return { ok: false, error: await refusal(String(parsed.error.issues[0]!.path[0])) };
  const created = await createInitialAccessToken(ctx, parsed.data);
  revalidatePath('/admin/registration'); // the list below the form shows the new token's row
  return { ok: true, token: created.token, expiresAt: created.expiresAt?.toISOString() ?? null, maxUses: created.maxUses };
}

export async function revokeInitialAccessTokenAction(formData: FormData): Promise<void> {
  const ctx = await consoleContext(await requireOperator());
  const done = await revokeInitialAccessTokenAsOperator(ctx, String(formData.get('id') ?? ''));
  redirect(`/admin/registration?notice=${done ? 'token_revoked' : 'not_found'}`);
}
