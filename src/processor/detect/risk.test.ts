import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { failureProbability, nextEvidence, statusOf } from './risk.ts';

describe('failure probability', () => {
  it('is in [0, 1) and never falls when evidence, ratio or band severity rises', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.constantFrom(0 as const, 1 as const, 2 as const),
        (evidence, r1, r2, severity) => {
          const [low, high] = r1 <= r2 ? [r1, r2] : [r2, r1];
          const decay = 0.977;
          expect(nextEvidence(evidence, high, decay)).toBeGreaterThanOrEqual(
            nextEvidence(evidence, low, decay),
          );
          const p = failureProbability(evidence, severity, 20);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThan(1);
          expect(failureProbability(evidence + 1, severity, 20)).toBeGreaterThanOrEqual(p);
          if (severity < 2) {
            expect(failureProbability(evidence, (severity + 1) as 1 | 2, 20)).toBeGreaterThanOrEqual(p);
          }
        },
      ),
    );
  });

  it('rises more for a sustained deviation than for one larger glitch', () => {
    const decay = 0.977;
    let glitch = nextEvidence(0, 5, decay);
    for (let i = 0; i < 60; i++) glitch = nextEvidence(glitch, 0.2, decay);
    let sustained = 0;
    for (let i = 0; i < 60; i++) sustained = nextEvidence(sustained, 1.5, decay);
    expect(failureProbability(sustained, 0, 20)).toBeGreaterThan(0.8);
    expect(failureProbability(glitch, 0, 20)).toBeLessThan(0.2);
  });

  it('maps verdicts to statuses', () => {
    expect(statusOf(false, 0, 0.02)).toBe('normal');
    expect(statusOf(true, 0, 0.3)).toBe('warning');
    expect(statusOf(false, 1, 0.25)).toBe('warning');
    expect(statusOf(true, 0, 0.8)).toBe('critical');
    expect(statusOf(false, 2, 0.6)).toBe('critical');
  });
});
