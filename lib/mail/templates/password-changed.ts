import { productName, renderMail } from './layout';

/**
 * The notice after any new password: a reset (signed out everywhere) or a change on /account
 * (`keptSessionHere`: the browser that made it stays signed in). Either way the account's address
 * hears of it, so a change made by someone else does not go unnoticed.
 */
export function passwordChangedMail(input: { to: string; signInUrl: string; forgotUrl: string; tokensRevoked: boolean; keptSessionHere?: boolean }) {
  const apps = input.tokensRevoked
    ? 'applications you had authorized must ask you to sign in again.'
    : 'applications you had authorized stay connected.';
  const sessions = input.keptSessionHere
    ? 'You stay signed in where you made the change; every other browser was signed out, and'
    : 'You were signed out everywhere, and';
  return renderMail({
    to: input.to,
    subject: `Your ${productName()} password was changed`,
    intro: [`The password of the ${productName()} account for ${input.to} was just changed${input.keptSessionHere ? ' on the account page' : ''}.`, `${sessions} ${apps}`],
    action: { label: 'Sign in', url: input.signInUrl },
    outro: [`If this wasn't you, reset your password now at ${input.forgotUrl} and tell your administrator.`],
  });
}
