import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatRelative } from './format';

const d = new Date('2026-11-23T14:05:00Z');

describe('dates and numbers in the page language', () => {
  it('English stays as the dashboard always showed it', () => {
    expect(formatDate(d)).toBe('Nov 23, 2026');
    expect(formatDateTime(d)).toBe('Nov 23, 2026, 14:05 UTC');
    expect(formatRelative(new Date(d.getTime() - 5 * 60_000), d)).toBe('5 minutes ago');
    expect(formatRelative(d, d)).toBe('just now');
  });

  it('follows the locale it is given', () => {
    expect(formatDate(d, 'de')).toBe('23.11.2026');
    expect(formatDate(d, 'ja')).toBe('2026/11/23');
    expect(formatDateTime(d, 'fr')).toMatch(/^23 nov\. 2026.*14:05 UTC$/);
    expect(formatRelative(new Date(d.getTime() - 5 * 60_000), d, 'de')).toBe('vor 5 Minuten');
    expect(formatRelative(new Date(d.getTime() - 86_400_000), d, 'es')).toBe('ayer');
    expect(formatNumber(1234567, 'de')).toBe('1.234.567');
    expect(formatNumber(1234567)).toBe('1,234,567');
  });
});
