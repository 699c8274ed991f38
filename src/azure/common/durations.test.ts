import { describe, expect, it } from 'vitest';
import { parseDurationMs, parseIsoDurationMs, parseTimeSpanMs } from './durations';

describe('durations', () => {
  it.each([
    ['PT3M39.6777898S', 219_678],
    ['PT1M48.9085421S', 108_909],
    ['PT0S', 0],
    ['PT2H', 7_200_000],
    ['P1DT2H3M4S', 93_784_000],
    ['P2W', 14 * 86_400_000],
    ['pt45s', 45_000],
  ])('reads the ISO 8601 duration %s', (text, ms) => {
    expect(parseIsoDurationMs(text)).toBe(ms);
    expect(parseDurationMs(text)).toBe(ms);
  });

  it.each([
    ['00:03:49.1708393', 229_171],
    ['00:00:00', 0],
    ['10.21:00:00', (10 * 24 + 21) * 3_600_000],
    ['1.02:03:04', 93_784_000],
  ])('reads the .NET TimeSpan %s', (text, ms) => {
    expect(parseTimeSpanMs(text)).toBe(ms);
    expect(parseDurationMs(text)).toBe(ms);
  });

  it.each([null, undefined, '', 'P', 'PT', 'P1DT', 'P1Y', 'P2M', 'soon', '25:00:00', '-00:01:00', 42])(
    'treats %s as absent',
    (value) => {
      expect(parseDurationMs(value)).toBeUndefined();
    },
  );

  it('treats TimeSpan.MinValue (written for "does not apply") as absent', () => {
    expect(parseDurationMs('-10675199.02:48:05.4775808')).toBeUndefined();
  });
});
