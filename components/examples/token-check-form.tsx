'use client';
import { useActionState } from 'react';
import type { TokenCheck } from '@/app/examples/notes/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Spinner } from '@/components/ui/spinner';

/** A token pasted here goes to a server action that calls verifyAccessToken; its verdict is shown below. */
export function TokenCheckForm({ action }: { action: (prev: TokenCheck, formData: FormData) => Promise<TokenCheck> }) {
  const [result, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-4">
      <div>
        <Label htmlFor="token">Access token</Label>
        <Input id="token" name="token" autoComplete="off" spellCheck={false} className="mt-1.5 font-mono" placeholder="Paste a token from /o/token" />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? <Spinner /> : null}
        Check token
      </Button>
      {result?.ok ? (
        <Alert tone="success" title="Valid for the example APIs">
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
            <dt>Client</dt>
            <dd className="font-mono break-all">{result.clientId}</dd>
            <dt>Scope</dt>
            <dd className="font-mono">{result.scope}</dd>
            <dt>User</dt>
            <dd>{result.user ?? 'none (the client itself)'}</dd>
          </dl>
        </Alert>
      ) : result ? (
        <Alert tone="error" title={result.error}>
          {result.description}
        </Alert>
      ) : null}
    </form>
  );
}
