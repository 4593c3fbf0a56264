/**
 * "Chrome 131 on Linux": a session's user agent as the account page shows it (ua-parser-js).
 * Display only: a user agent is whatever the browser chose to send.
 */
import { UAParser } from 'ua-parser-js';

/** `unknown`: the words for what the user agent does not say, in the page's language. */
export function describeUserAgent(
  userAgent: string | null,
  unknown: { browser: string; os: string } = { browser: 'Unknown browser', os: 'unknown system' },
): { browser: string; os: string } {
  if (!userAgent) return unknown;
  const parser = new UAParser(userAgent);
  const b = parser.getBrowser();
  const o = parser.getOS();
  const browser = b.name ? [b.name, b.major].filter(Boolean).join(' ') : unknown.browser;
  // No OS version: browsers freeze it (Windows 11 says NT 10.0, every Mac says 10.15.7).
  const os = o.name ?? unknown.os;
  return { browser, os };
}
