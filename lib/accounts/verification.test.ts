import { describe, expect, it } from 'vitest';
import { accountForSocialSignIn } from '@/lib/auth/social-account';
import { signupOpen, signupRefusal } from './verification';

describe('OAUTH2_SIGNUP: who may create an account', () => {
  it('open and verified take sign-ups; invite and closed say why not', () => {
    expect(signupOpen('open')).toBe(true);
    expect(signupOpen('verified')).toBe(true);
    expect(signupRefusal('open')).toBeNull();
    expect(signupRefusal('invite')).toMatch(/by invitation: ask an operator/);
    expect(signupRefusal('closed')).toMatch(/Sign-up is closed on this server/);
  });

  it('GitHub/Google sign-in creates no account under invite or closed, and still signs in an existing one', async () => {
    const existing = { id: 'u1', email: 'has@example.com', name: null, emailVerified: true, passwordHash: null };
    const created: string[] = [];
    const store = {
      findUserByEmail: async (email: string) => (email === existing.email ? existing : null),
      createUser: async (u: { email: string }) => {
        created.push(u.email);
        return { ...existing, id: 'u2', email: u.email };
      },
    };
    expect(await accountForSocialSignIn(store, 'new@example.com', null, signupOpen('closed'))).toEqual({ outcome: 'signup_closed' });
    expect(created).toEqual([]);
    expect(await accountForSocialSignIn(store, existing.email, null, signupOpen('invite'))).toEqual({ outcome: 'signed_in', user: existing });
    expect((await accountForSocialSignIn(store, 'new@example.com', null, signupOpen('verified'))).outcome).toBe('signed_in');
  });
});
