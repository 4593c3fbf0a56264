/**
 * Sending mail. A request never waits for a mail server: `queueMail` puts the message on the
 * queue and returns; a worker delivers it (SMTP via EMAIL_SERVER, or .data/outbox/*.eml with
 * the links printed on the console) and retries when delivery fails.
 *
 * STUB (contract between helpers, issue 17): the mail helper replaces the body.
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Links in the message, printed on the console when mail goes to the outbox. */
  links?: string[];
}

export async function queueMail(message: MailMessage): Promise<void> {
  void message;
}
