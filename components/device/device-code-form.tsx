'use client';
import { useTranslations } from 'next-intl';
import { useFormStatus } from 'react-dom';
import { continueWithCode } from '@/app/o/device/actions';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Spinner } from '@/components/ui/spinner';

/**
 * RFC 8628 §3.3: the code the device shows. Typed in any case, with or without the dash (the
 * server normalises it). A plain form: it works without JavaScript.
 */
export function DeviceCodeForm({ userCode, error }: { userCode: string; error: string | null }) {
  const t = useTranslations('device');
  return (
    <form action={continueWithCode} className="space-y-5" noValidate>
      <div>
        <Label htmlFor="user_code">{t('code')}</Label>
        <Input
          id="user_code"
          name="user_code"
          defaultValue={userCode}
          placeholder="BDWP-HQPK"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          autoFocus={!userCode}
          required
          maxLength={20}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'user_code-error' : 'user_code-hint'}
          className="mt-1.5 h-12 text-center font-mono text-xl tracking-[0.2em] uppercase sm:text-xl"
        />
        {error ? (
          <FieldError id="user_code-error" message={error} />
        ) : (
          <p id="user_code-hint" className="mt-1.5 text-sm text-slate-600">
            {t('hint')}
          </p>
        )}
      </div>
      <ContinueButton />
    </form>
  );
}

function ContinueButton() {
  const t = useTranslations('device');
  const { pending } = useFormStatus();
  return (
    <Button type="submit" size="lg" className="w-full" disabled={pending}>
      {pending ? <Spinner /> : null}
      {t('continue')}
    </Button>
  );
}
