import { describe, expect, it } from 'vitest';
import { isOperator } from './operator';

describe('OAUTH2_OPERATOR_EMAILS', () => {
  const operators = ['ops@example.com'];

  it('recognises a listed account whose email is verified, in any case', () => {
    expect(isOperator({ email: 'Ops@Example.com', emailVerified: true }, operators)).toBe(true);
  });

  it('does not recognise a listed email on an unverified account (anyone can sign up with any address)', () => {
    expect(isOperator({ email: 'ops@example.com', emailVerified: false }, operators)).toBe(false);
  });

  it('does not recognise an account that is not listed, or no account', () => {
    expect(isOperator({ email: 'dev@example.com', emailVerified: true }, operators)).toBe(false);
    expect(isOperator(null, operators)).toBe(false);
  });
});

describe('the operator role (users.operator)', () => {
  it('makes an account an operator without being listed', () => {
    expect(isOperator({ email: 'dev@example.com', emailVerified: false, operator: true }, [])).toBe(true);
  });

  it('a disabled account is no operator, by role or by list', () => {
    const disabledAt = new Date();
    expect(isOperator({ email: 'dev@example.com', emailVerified: true, operator: true, disabledAt }, [])).toBe(false);
    expect(isOperator({ email: 'ops@example.com', emailVerified: true, disabledAt }, ['ops@example.com'])).toBe(false);
  });
});
