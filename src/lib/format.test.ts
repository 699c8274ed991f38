import { describe, expect, it } from 'vitest';
import { formatDuration, formatPascalCase, formatUtc } from './format';

describe('formatDuration', () => {
  it.each([
    [45 * 3_600_000, '1 d 21 h'],
    [36 * 3_600_000, '1 d 12 h'],
    [3 * 86_400_000, '3 d'],
    [7 * 3_600_000 + 5 * 60_000, '7 h 5 min'],
    [2 * 3_600_000 + 30_000, '2 h'],
    [12 * 60_000 + 59_000, '12 min'],
    [30_000, 'under a minute'],
    [-5, 'under a minute'],
  ])('%d ms is %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('formatDuration to the second (job durations)', () => {
  it.each([
    [45_900, '45 s'],
    [250_000, '4 min 10 s'],
    [14 * 60_000, '14 min 0 s'],
    [7_500_000, '2 h 5 min'],
    [3 * 86_400_000 + 4 * 3_600_000, '3 d 4 h'],
  ])('%d ms is %s', (ms, text) => expect(formatDuration(ms, { seconds: true })).toBe(text));
});

describe('formatUtc', () => {
  it('writes the UTC time', () =>
    expect(formatUtc(Date.UTC(2025, 10, 3, 14, 5))).toBe('2025-11-03 14:05:00 UTC'));
});

describe('formatPascalCase', () => {
  it.each([
    ['InProgress', 'In progress'],
    ['CompletedWithWarnings', 'Completed with warnings'],
    ['NotStarted', 'Not started'],
    ['Failed', 'Failed'],
  ])('%s -> %s', (value, words) => expect(formatPascalCase(value)).toBe(words));
});
