/** RFC 6749 §5.1: responses carrying tokens or secrets must not be cached. */
export const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' } as const;
