import { Alert } from '@/components/ui/alert';

/** On the sign-in page while demo accounts (published passwords) exist on this server. */
export function DemoAccountsNotice({ emails }: { emails: string[] }) {
  return (
    <Alert tone="warning" title="Demo accounts exist on this server">
      <span className="break-words">{emails.join(', ')}</span> {emails.length === 1 ? 'has a' : 'have'} published{' '}
      {emails.length === 1 ? 'password' : 'passwords'}. Do not use this server for real users.
    </Alert>
  );
}
