/**
 * This process's one event bus: the engine emits on it, and so do the parts of the app outside
 * the engine (the resource-server toolkit, sign-in limits). Log lines, metrics and the audit
 * trail listen here.
 */
import { EventBus } from '@/lib/oauth/events';
import { observeEvents } from '@/lib/observability/observe';
import { auditEngineEvents } from '@/lib/audit/engine-events';

export const events = new EventBus();
// Log lines learn the client id and metrics count issuance and failures from the events.
observeEvents(events);
// The audit trail records consents, revocations, registrations and lockouts (lib/audit/engine-events.ts).
auditEngineEvents(events, async () => (await import('@/lib/db')).getStore());
