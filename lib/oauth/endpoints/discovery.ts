/** OpenID Connect Discovery 1.0 §3: the RFC 8414 metadata plus what relying parties check. */
import type { Deps } from '../context';
import { withPublicCors } from '../cors';
import { json } from '../http';
import { SIGNING_ALGS } from '../oidc/keys';
import { ACR_VALUES_SUPPORTED } from '../oidc/amr';
import { serverMetadata } from './server-metadata';

export async function discovery(req: Request, deps: Deps): Promise<Response> {
  const body = {
    ...serverMetadata(req, deps),
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: SIGNING_ALGS,
    userinfo_signing_alg_values_supported: ['none'],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'at_hash', 'azp', 'name', 'email', 'email_verified', 'amr', 'acr', 'sid'],
    acr_values_supported: [...ACR_VALUES_SUPPORTED],
    // OIDC Discovery §3: the pages honour ui_locales (OIDC Core §3.1.2.1) in these languages.
    ...(deps.settings.uiLocalesSupported?.length ? { ui_locales_supported: deps.settings.uiLocalesSupported } : {}),
    prompt_values_supported: ['none', 'login', 'consent', 'select_account'],
    claims_parameter_supported: false,
    request_parameter_supported: false,
    request_uri_parameter_supported: false,
    frontchannel_logout_supported: false,
    // OIDC Back-Channel Logout 1.0 §2.1: logout tokens POSTed to registered URIs, always with sid (ID tokens carry it too).
    backchannel_logout_supported: true,
    backchannel_logout_session_supported: true,
  };
  return withPublicCors(json(body, 200, { 'Cache-Control': 'public, max-age=300' }));
}
