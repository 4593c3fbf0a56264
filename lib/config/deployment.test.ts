import { describe, expect, it } from 'vitest';
import { checkIssuerRequired, demoUsersWanted } from './deployment';

describe('OAUTH2_ISSUER in production (no issuer from the Host header behind a cache)', () => {
  it('is required when DATABASE_URL is set, with one line naming OAUTH2_ISSUER', () => {
    const attempt = () => checkIssuerRequired({ DATABASE_URL: 'postgres://db/oauth' });
    expect(attempt).toThrow(/^OAUTH2_ISSUER: required in production \(DATABASE_URL is set\)/);
    expect(() => checkIssuerRequired({ DATABASE_URL: 'postgres://db/oauth', OAUTH2_ISSUER: 'https://auth.example' })).not.toThrow();
  });

  it('is required in the Docker image (OAUTH2_REQUIRE_ISSUER=on), even on the embedded database', () => {
    expect(() => checkIssuerRequired({ OAUTH2_REQUIRE_ISSUER: 'on' })).toThrow(/^OAUTH2_ISSUER: required in production \(OAUTH2_REQUIRE_ISSUER is on\)/);
  });

  it('is not required for the local `npm start` on the embedded database', () => {
    expect(() => checkIssuerRequired({})).not.toThrow();
  });
});

describe('demo users with published passwords (OAUTH2_DEMO_USERS)', () => {
  it('are created for the local instance on the embedded database', () => {
    expect(demoUsersWanted({}, true)).toBe(true);
    expect(demoUsersWanted({ OAUTH2_ISSUER: 'http://localhost:3000' }, true)).toBe(true);
    expect(demoUsersWanted({ OAUTH2_ISSUER: 'http://127.0.0.1:3000' }, true)).toBe(true);
  });

  it('are never created when OAUTH2_ISSUER names a public origin, even on the embedded database', () => {
    expect(demoUsersWanted({ OAUTH2_ISSUER: 'https://auth.example.com' }, true)).toBe(false);
    expect(() => demoUsersWanted({ OAUTH2_ISSUER: 'https://auth.example.com', OAUTH2_DEMO_USERS: 'on' }, false)).toThrow(/^OAUTH2_DEMO_USERS: on is refused/);
  });

  it('are not created with OAUTH2_DEMO_USERS=off (the Docker image) or on PostgreSQL by default', () => {
    expect(demoUsersWanted({ OAUTH2_DEMO_USERS: 'off' }, true)).toBe(false);
    expect(demoUsersWanted({}, false)).toBe(false);
    expect(demoUsersWanted({ OAUTH2_DEMO_USERS: 'on', OAUTH2_ISSUER: 'http://localhost:3000' }, false)).toBe(true);
  });

  it('names a bad value', () => {
    expect(() => demoUsersWanted({ OAUTH2_DEMO_USERS: 'maybe' }, true)).toThrow('OAUTH2_DEMO_USERS: expected on or off, got "maybe"');
  });
});
