/** The dashboard's "Resource URIs" field (RFC 8707 §2: absolute URIs without a fragment). */
import { describe, expect, it } from 'vitest';
import { applicationSchema, EMPTY_APPLICATION } from './schema';

const base = { ...EMPTY_APPLICATION, name: 'Calendar API', redirectUris: 'https://app.example/cb' };

describe('application form: Resource URIs', () => {
  it('reads one URI per line into a list', () => {
    const parsed = applicationSchema.parse({ ...base, resources: ' https://api.example/mcp \n\nhttps://api.example/v2\n' });
    expect(parsed.resources).toEqual(['https://api.example/mcp', 'https://api.example/v2']);
  });

  it('is optional', () => {
    expect(applicationSchema.parse(base).resources).toEqual([]);
  });

  it('refuses a relative URI and one with a fragment, naming it', () => {
    for (const [bad, message] of [
      ['/api/mcp', '/api/mcp is not an absolute URI'],
      ['https://api.example/#x', 'https://api.example/#x must not have a fragment (#)'],
    ]) {
      const result = applicationSchema.safeParse({ ...base, resources: bad });
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]).toMatchObject({ path: ['resources'], message });
    }
  });
});
