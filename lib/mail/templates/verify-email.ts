import { productName, renderMail } from './layout';

export function verifyEmailMail(input: { to: string; url: string; hours: number }) {
  return renderMail({
    to: input.to,
    subject: `Confirm your email address for ${productName()}`,
    intro: [`Welcome to ${productName()}. Confirm that ${input.to} is your address to finish setting up your account.`],
    action: { label: 'Confirm my email address', url: input.url },
    outro: [`The link works once, for ${input.hours} hours.`, "If you didn't create an account, ignore this message."],
  });
}
