/**
 * deploy/nginx.conf keeps /api/metrics private: every path answers with and without a trailing
 * slash (PRODUCT.md), so the block must match both (issue 15 item 17).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const conf = readFileSync(path.resolve(__dirname, '../../deploy/nginx.conf'), 'utf8');

/** The locations that answer 404, as nginx matches them (exact `=`, or `~` / `~*` regular expressions). */
function blocked(uri: string): boolean {
  for (const m of conf.matchAll(/location\s+(=|~\*|~)\s+(\S+)\s*\{\s*return 404;\s*\}/g)) {
    const [, op, pattern] = m;
    if (op === '=' && uri === pattern) return true;
    if (op !== '=' && new RegExp(pattern!, op === '~*' ? 'i' : '').test(uri)) return true;
  }
  return false;
}

describe('nginx blocks the metrics endpoint', () => {
  it.each(['/api/metrics', '/api/metrics/'])('%s answers 404 from nginx', (uri) => {
    expect(blocked(uri)).toBe(true);
  });
  it('and nothing else under /api', () => {
    expect(blocked('/api/me')).toBe(false);
    expect(blocked('/api/metricsx')).toBe(false);
  });
});
