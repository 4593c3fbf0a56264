import { metricsEndpoint } from '@/lib/observability/metrics-endpoint';
import { getSettings } from '@/lib/config/settings';

/** Prometheus metrics of this instance, behind OAUTH2_METRICS_TOKEN. */
export const GET = metricsEndpoint(() => getSettings().observability.metricsToken);
