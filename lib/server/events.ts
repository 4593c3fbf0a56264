/**
 * This process's one event bus: the engine emits on it, and so do the parts of the app outside
 * the engine (the resource-server toolkit, sign-in limits). Log lines and metrics listen here.
 */
import { EventBus } from '@/lib/oauth/events';
import { observeEvents } from '@/lib/observability/observe';

export const events = new EventBus();
// Log lines learn the client id and metrics count issuance and failures from the events.
observeEvents(events);
