/** RFC 8628 §3.4: the grant_type a device polls the token endpoint with (and an application registers for). */
export const DEVICE_CODE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:device_code';

/** RFC 8628 §3.2: the seconds a device waits between polls, unless slow_down added more. */
export const DEVICE_POLL_INTERVAL = 5;
