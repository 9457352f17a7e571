import { describe, expect, it } from 'vitest';
import type { Campaign } from '@core/domain/campaign';
import type { Contact } from '@core/domain/contact';
import type { Interaction } from '@core/domain/interaction';
import {
  checkFormValues,
  formFieldOf,
  fromFormValues,
  toFormValues,
} from '@renderer/features/campaigns/plan/campaign-form-values';
import { filterInteractions } from '@renderer/features/campaigns/outreach/interaction-filter';
import {
  filterValues,
  isEmptyFilter,
  matchesFilter,
} from '@renderer/features/campaigns/targets/contact-filter';
import { instantFromLocal } from '@renderer/features/outreach/local-time';

const contact = (fields: Partial<Contact>): Contact =>
  ({ kind: 'official', tags: [], ...fields }) as Contact;

describe('the Add targets filter', () => {
  const senatorTX = contact({
    chamber: 'upper',
    region: 'Texas',
    party: 'Democratic',
    tags: ['ally'],
  });
  const repTX = contact({ chamber: 'lower', region: 'texas' });
  const arabic = contact({ chamber: 'unicameral', region: 'محافظة العاصمة', tags: ['حليف'] });

  it('picks by chamber and region, ignoring case, accents and Arabic spelling variants', () => {
    const filter = { chamber: 'upper' as const, region: 'TEXAS' };
    expect([senatorTX, repTX, arabic].filter((c) => matchesFilter(c, filter))).toEqual([senatorTX]);
    expect(matchesFilter(repTX, { region: 'Texas' })).toBe(true);
    // Tashkeel and ة/ه differences do not matter.
    expect(matchesFilter(arabic, { region: 'محافظه العاصمة' })).toBe(true);
    expect(matchesFilter(arabic, { tag: 'حَليف' })).toBe(true);
    expect(matchesFilter(arabic, { tag: 'ally' })).toBe(false);
  });

  it('lists each filter value once, first spelling kept', () => {
    expect(filterValues([senatorTX, repTX, arabic]).region).toEqual(['Texas', 'محافظة العاصمة']);
  });

  it('knows an empty filter', () => {
    expect(isEmptyFilter({})).toBe(true);
    expect(isEmptyFilter({ query: '' })).toBe(true);
    expect(isEmptyFilter({ kind: 'official' })).toBe(false);
  });
});

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

describe('local date-times', () => {
  it('reads the pickers’ values and refuses impossible dates', () => {
    expect(instantFromLocal('2026-03-01 09:30:00')).toBe(new Date(2026, 2, 1, 9, 30).toISOString());
    expect(instantFromLocal('2026-03-01 09:30')).toBe(new Date(2026, 2, 1, 9, 30).toISOString());
    expect(instantFromLocal('2026-02-30 09:30')).toBeUndefined();
    expect(instantFromLocal('')).toBeUndefined();
    expect(instantFromLocal('yesterday')).toBeUndefined();
  });
});

describe('the outreach log filter', () => {
  const log = [
    {
      id: '1',
      kind: 'call',
      direction: 'outgoing',
      contactId: 'a',
      occurredAt: '2026-03-01T23:30:00Z',
    },
    {
      id: '2',
      kind: 'email',
      direction: 'incoming',
      contactId: 'b',
      occurredAt: '2026-03-03T10:00:00Z',
    },
  ] as Interaction[];

  it('filters by kind, direction, contact and days in the organizer’s time zone', () => {
    const ids = (filter: Parameters<typeof filterInteractions>[1], zone = 'UTC') =>
      filterInteractions(log, filter, zone).map((i) => i.id);
    expect(ids({ kind: 'email' })).toEqual(['2']);
    expect(ids({ direction: 'outgoing' })).toEqual(['1']);
    expect(ids({ contactId: 'a' })).toEqual(['1']);
    expect(ids({ from: '2026-03-02' })).toEqual(['2']);
    // 23:30 UTC on 1 March is already 2 March in Beirut.
    expect(ids({ from: '2026-03-02', to: '2026-03-02' }, 'Asia/Beirut')).toEqual(['1']);
  });
});
