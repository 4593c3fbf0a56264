import { productName, renderMail } from './layout';

/** To the NEW address: the link that applies the change. */
export function emailChangeMail(input: { to: string; url: string; hours: number }) {
  return renderMail({
    to: input.to,
    subject: `Confirm your new email address for ${productName()}`,
    intro: [`Someone asked to use ${input.to} as the email address of their ${productName()} account.`],
    action: { label: 'Use this address', url: input.url },
    outro: [`The link works once, for ${input.hours} hours. Until then the account keeps its current address.`, "If you didn't ask for this, ignore this message."],
  });
}

/** To the OLD address, at once: so a change made from a stolen session does not go unnoticed. */
export function emailChangeNoticeMail(input: { to: string; newEmail: string; accountUrl: string }) {
  return renderMail({
    to: input.to,
    subject: `Your ${productName()} email address is about to change`,
    intro: [
      `Someone signed in to your ${productName()} account asked to change its email address from ${input.to} to ${input.newEmail}.`,
      'Nothing changes until the link sent to the new address is followed.',
    ],
    action: { label: 'Review your account', url: input.accountUrl },
    outro: ["If this wasn't you, reset your password now: that cancels the pending change and signs out every session."],
  });
}

/** To the new address when another account already uses it (no account listing on /account). */
export function emailChangeTakenMail(input: { to: string; forgotUrl: string }) {
  return renderMail({
    to: input.to,
    subject: `Someone tried to use your address on ${productName()}`,
    intro: [`Someone asked to move another ${productName()} account to ${input.to}, but you already have an account with this address, so nothing was changed.`],
    action: { label: 'Forgot your password?', url: input.forgotUrl },
    outro: ["If this wasn't you, you need to do nothing."],
  });
}
