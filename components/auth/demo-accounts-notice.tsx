import { getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';

/** On the sign-in page while demo accounts (published passwords) exist on this server. */
export async function DemoAccountsNotice({ emails }: { emails: string[] }) {
  const t = await getTranslations('login');
  return (
    <Alert tone="warning" title={t('demoTitle')}>
      {t.rich(emails.length === 1 ? 'demoOne' : 'demoMany', { emails: emails.join(', '), b: (chunks) => <span className="break-words">{chunks}</span> })}
    </Alert>
  );
}
