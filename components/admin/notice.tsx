import { Alert } from '@/components/ui/alert';
import type { Notice } from '@/lib/admin/notices';

export function NoticeAlert({ notice }: { notice: Notice | null }) {
  if (!notice) return null;
  return <Alert tone={notice.tone} title={notice.title} />;
}
