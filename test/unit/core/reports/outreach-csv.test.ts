import { describe, expect, it } from 'vitest';
import { outreachCsv } from '@core/index';
import { demoWorkspace } from './demo-report';

const demo = demoWorkspace();
const { inputFor } = demo;

describe('outreachCsv', () => {
  it('writes the log oldest first, UTF-8 with a BOM, times in the zone, formulas defused', async () => {
    const campaign = await demo.core.campaigns.create({ name: 'CSV' });
    const contact = await demo.core.contacts.create({ displayName: 'سارة =HYPERLINK("x")' });
    await demo.core.interactions.createMany([
      {
        campaignId: campaign.id,
        contactId: contact.id,
        kind: 'meeting',
        occurredAt: '2026-11-29T22:30:00Z',
        outcome: '=1+1',
        followUpDate: '2026-12-01',
      },
      {
        campaignId: campaign.id,
        contactId: contact.id,
        kind: 'call',
        occurredAt: '2026-11-20T08:00:00Z',
        notes: 'line one\nline two, with comma',
      },
    ]);
    const bytes = outreachCsv({
      ...inputFor('en'),
      campaign,
      targets: [],
      interactions: demo.core.interactions.forCampaign(campaign.id),
    });
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Date,Contact,Kind,Direction,Outcome,Notes,Follow-up,Follow-up done');
    expect(lines[1]).toBe(
      '2026-11-20 10:00,"سارة =HYPERLINK(""x"")",Call,Outgoing,,"line one\nline two, with comma",,',
    );
    // 22:30 UTC is already 00:30 the next day in Beirut.
    expect(lines[2]).toBe(
      `2026-11-30 00:30,"سارة =HYPERLINK(""x"")",Meeting,Outgoing,"'=1+1",,2026-12-01,No`,
    );
  });

  it('uses Arabic headers and words for an Arabic campaign', () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(outreachCsv(inputFor('ar')));
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFالتاريخ,جهة الاتصال,النوع,الاتجاه,النتيجة,ملاحظات,المتابعة,تمّت المتابعة',
    );
  });
});
