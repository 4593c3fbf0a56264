import { PRODUCT_NAME, renderMail } from './layout';

export function passwordChangedMail(input: { to: string; signInUrl: string; forgotUrl: string; tokensRevoked: boolean }) {
  return renderMail({
    to: input.to,
    subject: `Your ${PRODUCT_NAME} password was changed`,
    intro: [
      `The password of the ${PRODUCT_NAME} account for ${input.to} was just changed.`,
      input.tokensRevoked
        ? 'You were signed out everywhere, and applications you had authorized must ask you to sign in again.'
        : 'You were signed out everywhere; applications you had authorized stay connected.',
    ],
    action: { label: 'Sign in', url: input.signInUrl },
    outro: [`If this wasn't you, reset your password now at ${input.forgotUrl} and tell your administrator.`],
  });
}
