import { describe, expect, it } from 'vitest';
import { describeUserAgent } from './devices';

describe('a session’s browser and system, as "Signed in on" shows them', () => {
  it('names the browser with its major version and the system', () => {
    expect(describeUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15')).toEqual({
      browser: 'Safari 17',
      os: 'Mac OS',
    });
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0')).toEqual({ browser: 'Firefox 133', os: 'Windows' });
  });

  it('says so when the browser sent nothing useful', () => {
    expect(describeUserAgent(null)).toEqual({ browser: 'Unknown browser', os: 'unknown system' });
    expect(describeUserAgent('curl-ish')).toEqual({ browser: 'Unknown browser', os: 'unknown system' });
  });
});
