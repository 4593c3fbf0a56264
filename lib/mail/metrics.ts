/** Mail delivery counters on prom-client's default registry (served by /api/metrics). */
import client from 'prom-client';

function counter(name: string, help: string): client.Counter<string> {
  return (client.register.getSingleMetric(name) as client.Counter<string> | undefined) ?? new client.Counter({ name, help, labelNames: ['transport'] });
}

export const mailDelivered = counter('oauth_mail_delivered_total', 'Messages delivered, by transport (smtp, outbox)');
/** Each failed attempt (the queue retries it); an operator alerts on its rate. */
export const mailDeliveriesFailed = counter('oauth_mail_deliveries_failed_total', 'Failed mail delivery attempts, by transport (retried with backoff)');
