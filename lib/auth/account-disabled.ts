/** The refusal a disabled account gets at sign-in (the password was right; an operator disabled it). */
import { CredentialsSignin } from 'next-auth';

/** Thrown from `authorize` so the sign-in form can say why (Auth.js rethrows CredentialsSignin subclasses unchanged). */
export class AccountDisabled extends CredentialsSignin {
  override code = 'account_disabled';
}
