/**
 * "Chrome 131 on Linux": a session's user agent as the account page shows it (ua-parser-js).
 * Display only: a user agent is whatever the browser chose to send.
 */
import { UAParser } from 'ua-parser-js';

export function describeUserAgent(userAgent: string | null): { browser: string; os: string } {
  if (!userAgent) return { browser: 'Unknown browser', os: 'unknown system' };
  const parser = new UAParser(userAgent);
  const b = parser.getBrowser();
  const o = parser.getOS();
  const browser = b.name ? [b.name, b.major].filter(Boolean).join(' ') : 'Unknown browser';
  // No OS version: browsers freeze it (Windows 11 says NT 10.0, every Mac says 10.15.7).
  const os = o.name ?? 'unknown system';
  return { browser, os };
}
