import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import type { Notice } from '@/lib/admin/notices';

/** The message for an action's ?notice= code, in the page's language. */
export function NoticeAlert({ notice }: { notice: Notice | null }) {
  const t = useTranslations('adminNotices');
  if (!notice) return null;
  return <Alert tone={notice.tone} title={t(notice.code)} />;
}
