import { describe, expect, it } from 'vitest';
import { describeTimeLeft, estimateMsLeft } from './time-left';

describe('time left', () => {
  it('projects the time so far over the work left: a quarter done in 10 seconds leaves 30', () => {
    expect(estimateMsLeft(10_000, 0.25)).toBe(30_000);
    expect(describeTimeLeft(estimateMsLeft(10_000, 0.25))).toBe('About 30 seconds left');
  });

  it('says it is estimating until a second has passed and some work is done', () => {
    expect(describeTimeLeft(estimateMsLeft(400, 0.5))).toBe('Estimating time left…');
    expect(describeTimeLeft(estimateMsLeft(5000, 0.01))).toBe('Estimating time left…');
  });

  it('speaks in minutes past one minute and rounds seconds to fives', () => {
    expect(describeTimeLeft(150_000)).toBe('About 3 minutes left');
    expect(describeTimeLeft(70_000)).toBe('About 1 minute left');
    expect(describeTimeLeft(21_000)).toBe('About 25 seconds left');
    expect(describeTimeLeft(3_000)).toBe('Less than 5 seconds left');
  });

  it('has nothing left when the work is done', () => {
    expect(estimateMsLeft(8000, 1)).toBe(0);
  });
});
