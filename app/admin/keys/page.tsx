import type { Metadata } from 'next';
import { ActionButton } from '@/components/admin/action-button';
import { NoticeAlert } from '@/components/admin/notice';
import { BoxList } from '@/components/admin/section';
import { Badge } from '@/components/applications/badges';
import { PageHeader } from '@/components/page-header';
import { noticeFor } from '@/lib/admin/notices';
import { requireOperator } from '@/lib/admin/require-operator';
import { getSettings } from '@/lib/config/settings';
import { getStore } from '@/lib/db';
import { formatDateTime, formatRelative } from '@/lib/ui/format';
import { rotateKeysAction } from './actions';

export const metadata: Metadata = { title: 'Signing keys' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminKeysPage({ searchParams }: { searchParams: SearchParams }) {
  await requireOperator();
  const params = await searchParams;
  const now = new Date();
  const keys = await (await getStore()).listSigningKeys(now);
  const grace = getSettings().keyRotationGraceSeconds;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Signing keys"
        description={`The keys that sign ID tokens, published at /o/.well-known/jwks.json. Rotating adds new keys; the previous ones stop signing and stay published for ${Math.round(grace / 3600)} hours (OAUTH2_KEY_ROTATION_GRACE_SECONDS).`}
        actions={
          <ActionButton action={rotateKeysAction} fields={{}} variant="primary">
            Rotate now
          </ActionButton>
        }
      />
      <NoticeAlert notice={noticeFor(params.notice)} />
      <BoxList empty="No keys yet: the first ID token creates them (or Rotate now).">
        {keys.map((k) => (
          <li key={k.kid} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-mono text-xs break-all text-slate-900">{k.kid}</span>
                <Badge>{k.alg}</Badge>
                {k.retiredAt ? <Badge tone="amber">Retired, still published</Badge> : <Badge tone="accent">Signing</Badge>}
              </div>
              <p className="text-slate-500">
                Created {formatDateTime(k.createdAt)} ({formatRelative(k.createdAt, now)})
                {k.retiredAt ? ` · retired ${formatRelative(k.retiredAt, now)}` : ''}
                {k.expiresAt ? ` · unpublished ${formatDateTime(k.expiresAt)}` : ''}
              </p>
            </div>
          </li>
        ))}
      </BoxList>
    </div>
  );
}
