import { describe, expect, it } from 'vitest';
import type { Campaign } from '@core/domain/campaign';
import {
  checkFormValues,
  formFieldOf,
  fromFormValues,
  toFormValues,
} from '@renderer/features/campaigns/plan/campaign-form-values';

describe('the campaign form', () => {
  it('names each field that is wrong', () => {
    const values = { ...toFormValues(), startDate: '2026-05-01', endDate: '2026-04-01' };
    expect(checkFormValues({ ...values, winThreshold: 120 })).toEqual({
      name: 'required',
      endDate: 'endBeforeStart',
      winThreshold: 'thresholdRange',
    });
    expect(checkFormValues({ ...values, name: 'A', endDate: null, winThreshold: '' })).toEqual({});
  });

  it('round-trips a campaign: threshold as a percentage, an emptied policy removed', () => {
    const campaign = {
      name: 'Fair housing',
      status: 'active',
      language: 'ar',
      tags: ['x'],
      milestones: [],
      tasks: [],
      winThreshold: 0.5,
      policy: { identifier: 'HB 1' },
    } as unknown as Campaign;
    const values = toFormValues(campaign);
    expect(values.winThreshold).toBe(50);
    expect(fromFormValues(values)).toMatchObject({
      winThreshold: 0.5,
      policy: { identifier: 'HB 1' },
    });
    expect(fromFormValues({ ...values, policyIdentifier: '' }).policy).toBeUndefined();
  });

  it('maps refused fields to the form', () => {
    expect(formFieldOf({ field: 'policy.link', message: 'x' })).toBe('link');
    expect(formFieldOf({ field: 'endDate', message: 'x' })).toBe('endDate');
    expect(formFieldOf({ field: 'milestones.0.title', message: 'x' })).toBeUndefined();
  });
});
