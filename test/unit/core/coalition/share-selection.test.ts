import { describe, expect, it } from 'vitest';
import {
  campaignSchema,
  contactSchema,
  interactionSchema,
  letterSchema,
  organizationSchema,
  targetSchema,
  templateSchema,
} from '@core/index';
import {
  CampaignNotFoundError,
  campaignShare,
  type WorkspaceRecords,
} from '@core/coalition/share-selection';

const AT = '2026-11-01T09:00:00.000Z';
let counter = 0;
const id = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
const base = () => ({ id: id(), createdAt: AT, updatedAt: AT });

function seeded() {
  const council = organizationSchema.parse({
    ...base(),
    name: 'City Council',
    kind: 'government-body',
  });
  const ngo = organizationSchema.parse({ ...base(), name: 'Rainbow Aid' });
  const official = contactSchema.parse({
    ...base(),
    kind: 'official',
    displayName: 'Councillor Grace Okafor',
    organizationId: council.id,
  });
  const volunteer = contactSchema.parse({
    ...base(),
    kind: 'volunteer',
    displayName: 'سلمى الخطيب',
    codeName: 'Falcon',
    phones: [{ value: '+961 1 234 567' }],
    organizationId: ngo.id,
    notes: 'Marker-volunteer-note',
  });
  const ally = contactSchema.parse({ ...base(), kind: 'ally', displayName: 'Dana Haddad' });
  const hidden = contactSchema.parse({
    ...base(),
    kind: 'official',
    displayName: 'Sensitive Official',
    sensitive: true,
  });
  const survivor = contactSchema.parse({
    ...base(),
    kind: 'member',
    displayName: 'Rami',
    sensitive: true,
  });
  const template = templateSchema.parse({ ...base(), name: 'Ask letter', body: 'Dear {{ name }}' });
  const extraTemplate = templateSchema.parse({
    ...base(),
    name: 'Call script',
    kind: 'call-script',
  });
  const unusedTemplate = templateSchema.parse({ ...base(), name: 'Other campaign' });
  const campaign = campaignSchema.parse({
    ...base(),
    name: 'Ordinance 2026-14',
    milestones: [{ id: id(), title: 'Committee vote' }],
    tasks: [
      { id: id(), title: 'Call the councillor', ownerContactId: volunteer.id },
      { id: id(), title: 'Prepare testimony', ownerContactId: survivor.id },
    ],
  });
  const other = campaignSchema.parse({ ...base(), name: 'Other' });
  const targets = [
    targetSchema.parse({
      ...base(),
      campaignId: campaign.id,
      contactId: official.id,
      stance: 'supportive',
      stanceHistory: [{ at: AT, from: 'undecided', to: 'supportive' }],
    }),
    targetSchema.parse({ ...base(), campaignId: campaign.id, contactId: hidden.id }),
    targetSchema.parse({ ...base(), campaignId: other.id, contactId: official.id }),
  ];
  const interactions = [
    interactionSchema.parse({
      ...base(),
      campaignId: campaign.id,
      contactId: official.id,
      kind: 'call',
      occurredAt: AT,
    }),
    interactionSchema.parse({
      ...base(),
      campaignId: campaign.id,
      contactId: ally.id,
      kind: 'meeting',
      occurredAt: AT,
    }),
    interactionSchema.parse({
      ...base(),
      campaignId: campaign.id,
      contactId: survivor.id,
      kind: 'call',
      occurredAt: AT,
    }),
    interactionSchema.parse({ ...base(), contactId: official.id, kind: 'email', occurredAt: AT }),
  ];
  const letters = [
    letterSchema.parse({
      ...base(),
      campaignId: campaign.id,
      templateId: template.id,
      contactId: official.id,
      subject: 'Ordinance 2026-14',
      renderedText: 'Dear Councillor Okafor',
      fileName: 'okafor.docx',
      docxSha256: 'a'.repeat(64),
    }),
    letterSchema.parse({
      ...base(),
      campaignId: campaign.id,
      templateId: template.id,
      contactId: ally.id,
      subject: 'For Dana',
      renderedText: 'Dear Dana Haddad, 12 Cedar Street',
      fileName: 'haddad.docx',
    }),
  ];
  const workspace: WorkspaceRecords = {
    campaigns: [campaign, other],
    contacts: [official, volunteer, ally, hidden, survivor],
    organizations: [council, ngo],
    targets,
    interactions,
    templates: [template, extraTemplate, unusedTemplate],
    letters,
  };
  return {
    workspace,
    campaign,
    official,
    volunteer,
    ally,
    hidden,
    survivor,
    council,
    template,
    extraTemplate,
    targets,
    interactions,
    letters,
  };
}

describe('what a campaign shares', () => {
  it('sends the campaign, its targets, log, letters, templates and the contacts they name', () => {
    const s = seeded();
    const share = campaignShare(s.campaign.id, s.workspace, {
      templateIds: [s.extraTemplate.id],
    });
    const ids = (kind: string) =>
      share.items.filter((i) => i.kind === kind).map((i) => i.record.id);
    expect(share.items[0]?.kind).toBe('campaign');
    expect(ids('target')).toEqual([s.targets[0]?.id]);
    expect(ids('interaction').sort()).toEqual(
      [s.interactions[0]?.id, s.interactions[1]?.id].sort(),
    );
    expect(ids('letter').sort()).toEqual(s.letters.map((l) => l.id).sort());
    expect(ids('template').sort()).toEqual([s.template.id, s.extraTemplate.id].sort());
    expect(ids('organization')).toEqual([s.council.id]);
    expect(ids('contact').sort()).toEqual([s.official.id, s.volunteer.id, s.ally.id].sort());
    const target = share.items.find((i) => i.kind === 'target')?.record;
    expect(target?.['stanceHistory']).toEqual([{ at: AT, from: 'undecided', to: 'supportive' }]);
  });

  it('sends officials as they are, and anyone else only under a code name', () => {
    const s = seeded();
    const share = campaignShare(s.campaign.id, s.workspace);
    const contact = (id: string) => share.items.find((i) => i.record.id === id)?.record;
    expect(contact(s.official.id)).toEqual(s.official);
    expect(contact(s.volunteer.id)).toEqual({
      id: s.volunteer.id,
      createdAt: AT,
      updatedAt: AT,
      kind: 'volunteer',
      codeName: 'Falcon',
      codeNamed: true,
    });
    const text = JSON.stringify(share.items);
    for (const secret of [
      'سلمى',
      '+961',
      'Marker-volunteer-note',
      'Rainbow Aid',
      'Dana Haddad',
      'Cedar',
    ])
      expect(text).not.toContain(secret);
    expect(share.missingCodeNames).toEqual([s.ally.id]);
  });

  it('sends a contact whole when its owner ticked "share identity" on it', () => {
    const s = seeded();
    const ally = { ...s.ally, shareIdentity: true };
    const contacts = s.workspace.contacts.map((c) => (c.id === ally.id ? ally : c));
    const share = campaignShare(s.campaign.id, { ...s.workspace, contacts });
    expect(share.items.find((i) => i.record.id === s.ally.id)?.record).toEqual(ally);
    const letter = share.items.find((i) => i.record.id === s.letters[1]?.id)?.record;
    expect(letter?.['renderedText']).toBe('Dear Dana Haddad, 12 Cedar Street');
    expect(share.missingCodeNames).toEqual([]);
  });

  it('never sends a sensitive contact, even one whose identity its owner chose to share', () => {
    const s = seeded();
    const contacts = s.workspace.contacts.map((c) =>
      c.id === s.survivor.id ? { ...c, shareIdentity: true } : c,
    );
    const share = campaignShare(s.campaign.id, { ...s.workspace, contacts });
    expect(JSON.stringify(share.items)).not.toContain(s.survivor.id);
    expect(JSON.stringify(share.items)).not.toContain('Rami');
    expect(share.withheldSensitive).toBe(2);
  });

  it('sends code-named contacts under the coalition’s aliases, references included', () => {
    const s = seeded();
    const aliases = new Map([
      [s.volunteer.id, id()],
      [s.ally.id, id()],
    ]);
    const share = campaignShare(s.campaign.id, s.workspace, { aliases });
    const text = JSON.stringify(share.items);
    expect(text).not.toContain(s.volunteer.id);
    expect(text).not.toContain(s.ally.id);
    expect(text).toContain(s.official.id);
    const contactIds = share.items.filter((i) => i.kind === 'contact').map((i) => i.record.id);
    expect(contactIds.sort()).toEqual(
      [s.official.id, aliases.get(s.volunteer.id), aliases.get(s.ally.id)].sort(),
    );
    const campaign = share.items[0]?.record as unknown as typeof s.campaign;
    expect(campaign.tasks[0]?.ownerContactId).toBe(aliases.get(s.volunteer.id));
    const allyRecords = share.items.filter((i) => i.record['contactId'] === aliases.get(s.ally.id));
    expect(allyRecords.map((i) => i.kind).sort()).toEqual(['interaction', 'letter']);
    // An alias missing for a code-named contact is a bug, not a reason to send the real id.
    expect(() =>
      campaignShare(s.campaign.id, s.workspace, { aliases: new Map([[s.ally.id, id()]]) }),
    ).toThrow(/No coalition alias/);
  });

  it('never sends a sensitive contact, nor what is about them', () => {
    const s = seeded();
    const share = campaignShare(s.campaign.id, s.workspace);
    const text = JSON.stringify(share.items);
    expect(text).not.toContain(s.hidden.id);
    expect(text).not.toContain(s.survivor.id);
    expect(text).not.toContain('Sensitive Official');
    const campaign = share.items[0]?.record as unknown as typeof s.campaign;
    expect(campaign.tasks.map((t) => t.ownerContactId)).toEqual([s.volunteer.id, undefined]);
    expect(campaign.tasks[1]).not.toHaveProperty('ownerContactId');
    expect(share.withheldSensitive).toBe(2);
  });

  it('sends letter records without their files, and without the text to a code-named contact', () => {
    const s = seeded();
    const share = campaignShare(s.campaign.id, s.workspace);
    const letter = (index: number) =>
      share.items.find((i) => i.record.id === s.letters[index]?.id)?.record;
    expect(letter(0)).not.toHaveProperty('fileName');
    expect(letter(0)).not.toHaveProperty('docxSha256');
    expect(letter(0)).toMatchObject({
      renderedText: 'Dear Councillor Okafor',
      subject: 'Ordinance 2026-14',
    });
    expect(letter(1)).not.toHaveProperty('renderedText');
    expect(letter(1)).not.toHaveProperty('subject');
    expect(letter(1)).toMatchObject({ contactId: s.ally.id, templateId: s.template.id });
  });

  it('gives the same list for the same workspace, whatever the order of its records', () => {
    const s = seeded();
    const shuffled: WorkspaceRecords = Object.fromEntries(
      Object.entries(s.workspace).map(([table, rows]) => [
        table,
        [...(rows as unknown[])].reverse(),
      ]),
    ) as unknown as WorkspaceRecords;
    expect(campaignShare(s.campaign.id, shuffled)).toEqual(
      campaignShare(s.campaign.id, s.workspace),
    );
  });

  it('refuses a campaign that does not exist, naming it', () => {
    const s = seeded();
    const missing = id();
    expect(() => campaignShare(missing, s.workspace)).toThrow(CampaignNotFoundError);
    try {
      campaignShare(missing, s.workspace);
    } catch (error) {
      expect((error as CampaignNotFoundError).campaignId).toBe(missing);
    }
  });
});
