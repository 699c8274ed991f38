import { describe, expect, it } from 'vitest';
import { parseTimeSpanMs } from '../common/durations';
import { FALLBACK_SECONDARY_RPO_MS, secondaryRpo } from './rpo';

const HOUR = 3_600_000;
const NOW = Date.parse('2025-11-04T09:00:00Z');

function row(
  overrides: Partial<Parameters<typeof secondaryRpo>[0]> = {},
): Parameters<typeof secondaryRpo>[0] {
  return {
    secondaryRegion: 'westus',
    hasExtendedProperties: true,
    recoveryPoints: {
      latestPrimary: NOW - HOUR,
      oldestPrimary: undefined,
      latestSecondary: undefined,
      oldestSecondary: undefined,
    },
    rpoThresholdMs: { primary: undefined, secondary: 45 * HOUR },
    ...overrides,
  };
}

describe('secondaryRpo', () => {
  it("is within RPO up to the policy's own threshold and overdue beyond it", () => {
    const at = (ageHours: number) =>
      secondaryRpo(
        row({ recoveryPoints: { ...row().recoveryPoints, latestSecondary: NOW - ageHours * HOUR } }),
        NOW,
      );
    expect(at(45)).toEqual({
      state: 'withinRpo',
      latest: NOW - 45 * HOUR,
      ageMs: 45 * HOUR,
      thresholdMs: 45 * HOUR,
      thresholdSource: 'policy',
    });
    expect(at(45.01).state).toBe('overdue');
    // A weekly policy's threshold (10.21:00:00) makes a 9-day-old point fine: 36 h is not a law.
    const weekly = secondaryRpo(
      row({
        recoveryPoints: { ...row().recoveryPoints, latestSecondary: NOW - 9 * 24 * HOUR },
        rpoThresholdMs: { primary: undefined, secondary: parseTimeSpanMs('10.21:00:00') },
      }),
      NOW,
    );
    expect(weekly.state).toBe('withinRpo');
  });

  it('falls back to 36 hours, and says so, only when the policy has no threshold', () => {
    const r = row({
      recoveryPoints: { ...row().recoveryPoints, latestSecondary: NOW - 37 * HOUR },
      rpoThresholdMs: { primary: undefined, secondary: undefined },
    });
    expect(secondaryRpo(r, NOW)).toMatchObject({
      state: 'overdue',
      thresholdMs: FALLBACK_SECONDARY_RPO_MS,
      thresholdSource: 'fallback',
    });
  });

  it('says none replicated yet, unknown without Resource Graph, or not protected', () => {
    expect(secondaryRpo(row(), NOW).state).toBe('noneReplicated');
    expect(secondaryRpo(row({ hasExtendedProperties: false }), NOW).state).toBe('unknown');
    expect(secondaryRpo(row({ secondaryRegion: undefined }), NOW).state).toBe('notProtected');
  });

  it('never reports a negative age (clock skew)', () => {
    const r = row({ recoveryPoints: { ...row().recoveryPoints, latestSecondary: NOW + 5000 } });
    expect(secondaryRpo(r, NOW)).toMatchObject({ state: 'withinRpo', ageMs: 0 });
  });
});

describe('parseTimeSpanMs', () => {
  it.each([
    ['10.21:00:00', (10 * 24 + 21) * HOUR],
    ['1.12:00:00', 36 * HOUR],
    ['00:00:04', 4000],
    ['00:03:39.6777898', 219_678],
    ['7.06:00:00', (7 * 24 + 6) * HOUR],
  ])('%s', (text, ms) => expect(parseTimeSpanMs(text)).toBe(ms));

  it.each([['-10675199.02:48:05.4775808'], [''], [null], ['P1D'], ['25:00:00'], [42]])(
    '%j is absent',
    (value) => expect(parseTimeSpanMs(value)).toBeUndefined(),
  );
});
