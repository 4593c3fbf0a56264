/**
 * Who may become a client beyond the dashboard: the agent profile (issue 10). The engine reads
 * these; lib/agents/settings.ts builds them from OAUTH2_MCP and the settings that follow it.
 */
export type DynamicRegistrationMode = 'off' | 'public' | 'token';

export interface ClientRegistrationSettings {
  /** OAUTH2_MCP: the agent profile; each setting below follows it unless set explicitly. */
  mcp: boolean;
  /** OAUTH2_CLIENT_ID_METADATA_DOCUMENTS: an https URL client_id is fetched and used as a public client. */
  metadataDocuments: boolean;
  /** OAUTH2_CLIENT_ID_METADATA_ALLOWED_HOSTS: when non-empty, only these hosts (exact or *.suffix). */
  metadataAllowedHosts: string[];
  /** OAUTH2_CLIENT_ID_METADATA_DENIED_HOSTS: never these hosts (exact or *.suffix). */
  metadataDeniedHosts: string[];
  /** OAUTH2_CLIENT_ID_METADATA_ALLOW_HTTP_LOOPBACK: development and tests only. */
  metadataAllowHttpLoopback: boolean;
  /** OAUTH2_CLIENT_ID_METADATA_CACHE_SECONDS: a fetched document is reused this long, then fetched again. */
  metadataCacheSeconds: number;
  /** OAUTH2_DYNAMIC_REGISTRATION: RFC 7591 at /o/register. */
  dynamicRegistration: DynamicRegistrationMode;
  /** OAUTH2_CORS_ANY_ORIGIN: Access-Control-Allow-Origin: * on metadata, /o/register and /o/token. */
  corsAnyOrigin: boolean;
  /** OAUTH2_OPERATOR_EMAILS: accounts that see the self-registered (owner-less) clients in the dashboard. */
  operatorEmails: string[];
}

export const defaultClientRegistrationSettings: ClientRegistrationSettings = {
  mcp: false,
  metadataDocuments: false,
  metadataAllowedHosts: [],
  metadataDeniedHosts: [],
  metadataAllowHttpLoopback: false,
  metadataCacheSeconds: 300,
  dynamicRegistration: 'off',
  corsAnyOrigin: false,
  operatorEmails: [],
};
