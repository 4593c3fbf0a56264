import { Badge } from '@/components/applications/badges';

export function DisabledBadge({ disabledAt }: { disabledAt: Date | null }) {
  if (!disabledAt) return null;
  return <Badge className="bg-red-50 text-red-700 ring-red-200">Disabled</Badge>;
}

export function OperatorBadge({ operator }: { operator: boolean }) {
  return operator ? <Badge tone="amber">Operator</Badge> : null;
}

const VIA: Record<string, string> = { dashboard: 'Dashboard or CLI', dynamic: 'Dynamic registration', metadata_document: 'Metadata document' };

export function RegisteredViaBadge({ via }: { via: string }) {
  return <Badge>{VIA[via] ?? via}</Badge>;
}
