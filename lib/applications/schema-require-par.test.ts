import { describe, expect, it } from 'vitest';
import { applicationFormValues, applicationSchema, applicationToFormValues, storedApplication } from './schema';

function formData(entries: [string, string][]): FormData {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

const BASE: [string, string][] = [
  ['name', 'TV app'],
  ['clientType', 'public'],
  ['grantTypes', 'urn:ietf:params:oauth:grant-type:device_code'],
  ['algorithm', ''],
];

describe('the application form: "Require PAR" (RFC 9126 §5) and the device code grant', () => {
  it('a ticked "Require PAR" is stored as require_pushed_authorization_requests; unticked as false', () => {
    const ticked = applicationSchema.parse(applicationFormValues(formData([...BASE, ['requirePar', 'on']])));
    expect(storedApplication(ticked).requirePushedAuthorizationRequests).toBe(true);
    const unticked = applicationSchema.parse(applicationFormValues(formData(BASE)));
    expect(storedApplication(unticked).requirePushedAuthorizationRequests).toBe(false);
  });

  it('a device-code-only public application needs no redirect URI', () => {
    expect(applicationSchema.safeParse(applicationFormValues(formData(BASE))).success).toBe(true);
  });

  it('the edit form starts from the stored value', () => {
    const stored = { name: 'x', clientType: 'confidential' as const, grantTypes: ['authorization_code'], redirectUris: [], postLogoutRedirectUris: [], allowedOrigins: [], algorithm: '' };
    expect(applicationToFormValues({ ...stored, requirePushedAuthorizationRequests: true }).requirePar).toBe(true);
    expect(applicationToFormValues(stored).requirePar).toBe(false);
  });
});
