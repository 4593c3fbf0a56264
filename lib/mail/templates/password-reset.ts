import { productName, renderMail } from './layout';

export function passwordResetMail(input: { to: string; url: string; minutes: number }) {
  return renderMail({
    to: input.to,
    subject: `Reset your ${productName()} password`,
    intro: [`Someone (hopefully you) asked to reset the password of the ${productName()} account for ${input.to}.`],
    action: { label: 'Choose a new password', url: input.url },
    outro: [
      `The link works once, for ${input.minutes} minutes.`,
      "If you didn't ask for this, ignore this message: your password stays as it is.",
    ],
  });
}
