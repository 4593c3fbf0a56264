import type { Metadata } from 'next';
import { NotesPanel } from '@/components/examples/notes-panel';
import { TokenCheckForm } from '@/components/examples/token-check-form';
import { PageHeader } from '@/components/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requireUser } from '@/lib/auth';
import { checkAccessToken } from './actions';

export const metadata: Metadata = { title: 'Notes (example API)' };

/**
 * The resource-server toolkit from this app's own pages: /api/notes used with the session
 * (withOAuth allowSession), and a server action that checks a pasted token (verifyAccessToken).
 */
export default async function NotesExamplePage() {
  await requireUser('/examples/notes');
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:px-6 lg:py-10">
      <PageHeader
        title="Notes"
        description={
          <>
            An example API, <code className="font-mono">/api/notes</code>, that this page uses with your session and other applications use with an access token.
            Notes are kept in memory and vanish when the server restarts.
          </>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>Your notes</CardTitle>
          <CardDescription>Saved through /api/notes with your signed-in session.</CardDescription>
        </CardHeader>
        <CardContent>
          <NotesPanel />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Check an access token</CardTitle>
          <CardDescription>A server action verifies it as /api/notes would for reading: the read scope, meant for this app&apos;s APIs.</CardDescription>
        </CardHeader>
        <CardContent>
          <TokenCheckForm action={checkAccessToken} />
        </CardContent>
      </Card>
    </div>
  );
}
