import type { ScopeOption } from '@/components/applications/policy-fields';

/** The form's scope checklist with each description in the page's language (lib/i18n/scope-descriptions.ts). */
export function withScopeDescriptions<P extends { scopes: ScopeOption[] }>(policy: P, descriptions: Record<string, string>): P {
  return { ...policy, scopes: policy.scopes.map((s) => ({ ...s, description: descriptions[s.value] ?? s.description })) };
}
