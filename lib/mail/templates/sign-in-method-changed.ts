import { productName, renderMail } from './layout';

/**
 * Issue 22: the notice after a sign-in method changed on /account (an authenticator app set up
 * or removed, new recovery codes, a passkey added or removed), so a change made by someone who
 * got into the account does not go unnoticed.
 */
export function signInMethodChangedMail(input: { to: string; change: string; accountUrl: string }) {
  return renderMail({
    to: input.to,
    subject: `A sign-in method of your ${productName()} account changed`,
    intro: [`On the ${productName()} account for ${input.to}: ${input.change}.`, 'Review how you sign in on your account page.'],
    action: { label: 'Open your account', url: input.accountUrl },
    outro: ["If this wasn't you, change your password now, sign out every other browser on the account page, and tell your administrator."],
  });
}
