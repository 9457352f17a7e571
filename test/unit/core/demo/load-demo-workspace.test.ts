import { describe, expect, it, vi } from 'vitest';
import type { DataCore } from '@core/db/data-core';
import { DemoWorkspaceError, isWorkspaceEmpty, loadDemoWorkspace } from '@core/demo';
import { freshDataCore } from '../../../helpers/fresh-data-core';
import { failNthWrite, recordSnapshot as snapshot } from '../../../helpers/fail-nth-write';

/** A fixed reference instant, local time: the demo's dates are relative to it. */
const NOW = new Date(2026, 2, 10, 9, 30);

/** The local calendar day `offset` days from NOW, computed independently of the demo code. */
function day(offset: number): string {
  const d = new Date(NOW.getFullYear(), NOW.getMonth(), NOW.getDate() + offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
const TODAY = day(0);

/** A calendar date that must be there. */
function dated(value: string | undefined): string {
  if (value === undefined) throw new Error('expected a date');
  return value;
}

const ARABIC_WORDS = /^[\u0600-\u06FF]+(?: [\u0600-\u06FF]+)*$/;
const LATIN_WORDS = /^[A-Za-z.'’-]+(?: [A-Za-z.'’-]+)*$/;

async function loaded() {
  const fresh = await freshDataCore();
  const summary = await loadDemoWorkspace(fresh.core, { now: NOW });
  return { ...fresh, summary };
}

describe('demo workspace', () => {
  it('fills an empty workspace and reports what it created', async () => {
    const { core, summary } = await loaded();
    expect(summary).toEqual({
      campaigns: core.campaigns.count(),
      contacts: core.contacts.count(),
      organizations: core.organizations.count(),
      targets: core.targets.count(),
      interactions: core.interactions.count(),
      templates: core.templates.count(),
    });
    expect(summary.campaigns).toBe(2);
    expect(summary.contacts).toBeGreaterThanOrEqual(25);
    expect(summary.contacts).toBeLessThanOrEqual(35);
    expect(summary.organizations).toBeGreaterThanOrEqual(3);
    expect(summary.targets).toBeGreaterThanOrEqual(10);
    expect(summary.interactions).toBeGreaterThanOrEqual(15);
    expect(core.letters.count()).toBe(0);
    expect(isWorkspaceEmpty(core)).toBe(false);
  });

  it('writes everything in one commit', async () => {
    const { core } = await freshDataCore();
    const commit = vi.spyOn(core.store, 'commit');
    await loadDemoWorkspace(core, { now: NOW });
    const writes = commit.mock.calls.filter(([changes]) => changes.length > 0);
    expect(writes).toHaveLength(1);
  });

  it('has one active English and one active Arabic campaign, with milestones and tasks', async () => {
    const { core } = await loaded();
    const campaigns = core.campaigns.all();
    expect(campaigns.map((c) => c.language).sort()).toEqual(['ar', 'en']);
    for (const campaign of campaigns) {
      expect(campaign.status).toBe('active');
      expect(campaign).toMatchObject({
        goal: expect.any(String),
        ask: expect.any(String),
        description: expect.any(String),
        policy: { identifier: expect.any(String), title: expect.any(String) },
      });
      expect(dated(campaign.startDate) < TODAY && TODAY < dated(campaign.endDate)).toBe(true);
      expect(campaign.tags.length).toBeGreaterThan(0);
      expect(campaign.milestones.some((m) => m.done)).toBe(true);
      expect(campaign.milestones.some((m) => !m.done)).toBe(true);
      const open = campaign.tasks.filter((t) => t.status !== 'done' && t.status !== 'cancelled');
      expect(open.some((t) => dated(t.dueDate) < TODAY)).toBe(true);
      expect(open.some((t) => dated(t.dueDate) > TODAY)).toBe(true);
      expect(campaign.tasks.some((t) => t.status === 'done')).toBe(true);
    }
    const arabic = campaigns.find((c) => c.language === 'ar');
    expect(arabic?.name).toMatch(/[\u0600-\u06FF]/);
    expect(arabic?.ask).toMatch(/[\u0600-\u06FF]/);
  });

  it('resolves every reference', async () => {
    const { core } = await loaded();
    const contactIds = new Set(core.contacts.all().map((c) => c.id));
    const campaignIds = new Set(core.campaigns.all().map((c) => c.id));
    const organizationIds = new Set(core.organizations.all().map((o) => o.id));
    for (const target of core.targets.all()) {
      expect(contactIds.has(target.contactId)).toBe(true);
      expect(campaignIds.has(target.campaignId)).toBe(true);
    }
    for (const interaction of core.interactions.all()) {
      expect(contactIds.has(interaction.contactId)).toBe(true);
      if (interaction.campaignId) expect(campaignIds.has(interaction.campaignId)).toBe(true);
    }
    const owners = core.campaigns.all().flatMap((c) => c.tasks.map((t) => t.ownerContactId));
    expect(owners.length).toBeGreaterThan(0);
    for (const owner of owners) expect(owner && contactIds.has(owner)).toBe(true);
    const members = core.contacts.all().filter((c) => c.organizationId);
    expect(members.length).toBeGreaterThan(0);
    for (const contact of members)
      expect(organizationIds.has(contact.organizationId ?? '')).toBe(true);
    // Every organization has someone in it; one campaign never targets a contact twice.
    for (const id of organizationIds)
      expect(members.some((c) => c.organizationId === id)).toBe(true);
    const pairs = core.targets.all().map((t) => `${t.campaignId}/${t.contactId}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('has contacts of every kind, in Arabic and English script, with safe fictional details', async () => {
    const { core } = await loaded();
    const contacts = core.contacts.all();
    const arabic = contacts.filter((c) => c.preferredLanguage === 'ar');
    const latin = contacts.filter((c) => c.preferredLanguage !== 'ar');
    expect(Math.abs(arabic.length - latin.length)).toBeLessThanOrEqual(4);
    for (const contact of arabic) {
      for (const name of [contact.givenName, contact.familyName, contact.honorific]) {
        if (name !== undefined) expect(name).toMatch(ARABIC_WORDS);
      }
      expect(['feminine', 'masculine']).toContain(contact.formOfAddress);
    }
    for (const contact of latin) {
      expect(contact.givenName).toMatch(LATIN_WORDS);
      expect(contact.familyName).toMatch(LATIN_WORDS);
    }
    expect(new Set(contacts.map((c) => c.kind))).toEqual(
      new Set([
        'official',
        'staff',
        'ally',
        'volunteer',
        'journalist',
        'organization-representative',
      ]),
    );
    const dnc = contacts.filter((c) => c.doNotContact).length;
    const sensitive = contacts.filter((c) => c.sensitive).length;
    expect(dnc >= 1 && dnc <= 2 && sensitive >= 1 && sensitive <= 2).toBe(true);
    const officials = contacts.filter((c) => c.kind === 'official');
    expect(officials.every((c) => c.chamber !== undefined)).toBe(true);
    expect(officials.some((c) => c.party && c.district && c.addresses.length > 0)).toBe(true);

    const emails = contacts.flatMap((c) => c.emails.map((e) => e.value));
    expect(emails.length).toBeGreaterThan(20);
    for (const email of emails) expect(email).toMatch(/@([a-z0-9-]+\.)*example\.(org|com)$/);
    const sites = [
      ...contacts.flatMap((c) => c.websites.map((w) => w.value)),
      ...core.organizations.all().flatMap((o) => (o.website ? [o.website] : [])),
      ...core.campaigns.all().flatMap((c) => (c.policy?.link ? [c.policy.link] : [])),
    ];
    for (const site of sites) expect(new URL(site).hostname).toMatch(/(^|\.)example\.(org|com)$/);
    const phones = contacts.flatMap((c) => c.phones.map((p) => p.value));
    for (const phone of phones) {
      // Fictional: the 555 exchange, or +999, a country code assigned to no country.
      const digits = phone.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
      expect(digits).toMatch(/^\+(1 \(555\)|999 )/);
    }
    // Names are invented: no two contacts share one.
    const names = contacts.map((c) => `${c.givenName} ${c.familyName ?? ''}`);
    expect(new Set(names).size).toBe(names.length);
  });

  it('has targets with varied stances, priorities and a consistent stance history', async () => {
    const { core } = await loaded();
    const targets = core.targets.all();
    expect(new Set(targets.map((t) => t.stance)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(targets.map((t) => t.priority)).size).toBeGreaterThanOrEqual(3);
    for (const campaign of core.campaigns.all()) {
      expect(core.targets.forCampaign(campaign.id).length).toBeGreaterThanOrEqual(5);
    }
    const withHistory = targets.filter((t) => t.stanceHistory.length > 0);
    expect(withHistory.length).toBeGreaterThanOrEqual(4);
    for (const target of withHistory) {
      const history = target.stanceHistory;
      expect(history.at(-1)?.to).toBe(target.stance);
      history.forEach((change, i) => {
        expect(change.at < NOW.toISOString()).toBe(true);
        if (i > 0) {
          expect(change.from).toBe(history[i - 1]?.to);
          expect(change.at > (history[i - 1]?.at ?? '')).toBe(true);
        }
      });
    }
  });

  it('has past interactions with follow-ups due today, overdue and later', async () => {
    const { core } = await loaded();
    const interactions = core.interactions.all();
    expect(new Set(interactions.map((i) => i.kind))).toEqual(
      new Set(['call', 'meeting', 'letter', 'email']),
    );
    expect(interactions.some((i) => i.direction === 'incoming')).toBe(true);
    for (const interaction of interactions) {
      expect(Date.parse(interaction.occurredAt)).toBeLessThan(NOW.getTime());
    }
    const open = interactions.filter((i) => i.followUpDate && !i.followUpDone);
    expect(open.some((i) => i.followUpDate === TODAY)).toBe(true);
    expect(open.some((i) => dated(i.followUpDate) < TODAY)).toBe(true);
    expect(open.some((i) => dated(i.followUpDate) > TODAY)).toBe(true);
    expect(interactions.some((i) => i.followUpDone)).toBe(true);
    expect(interactions.filter((i) => i.outcome).length).toBe(interactions.length);
    // Nobody marked do-not-contact was contacted by the campaign.
    const dnc = new Set(
      core.contacts
        .all()
        .filter((c) => c.doNotContact)
        .map((c) => c.id),
    );
    for (const i of interactions) {
      if (dnc.has(i.contactId)) expect(i.direction).toBe('incoming');
    }
  });

  it('dates everything relative to the given now', async () => {
    const { core } = await freshDataCore();
    const later = new Date(NOW.getFullYear(), NOW.getMonth(), NOW.getDate() + 100, 9, 30);
    await loadDemoWorkspace(core, { now: later });
    const { core: base } = await loaded();
    const days = (iso: string) => Math.round(Date.parse(iso) / 86_400_000);
    const follow = (c: DataCore) =>
      c.interactions
        .all()
        .flatMap((i) => (i.followUpDate ? [days(i.followUpDate)] : []))
        .sort((a, b) => a - b);
    expect(follow(core).map((d) => d - 100)).toEqual(follow(base));
  });

  it('has English and Arabic letter templates and a call script', async () => {
    const { core } = await loaded();
    const templates = core.templates.all();
    const letters = templates.filter((t) => t.kind === 'letter');
    expect(letters.map((t) => t.language).sort()).toEqual(['ar', 'en']);
    expect(letters.find((t) => t.language === 'ar')?.direction).toBe('rtl');
    expect(letters.find((t) => t.language === 'ar')?.body).toMatch(/[\u0600-\u06FF]{3}/);
    expect(templates.some((t) => t.kind === 'call-script')).toBe(true);
    for (const template of templates) expect(template.body.length).toBeGreaterThan(200);
  });

  it('refuses a workspace that is not empty, and changes nothing', async () => {
    const { core, reopen } = await freshDataCore();
    await core.contacts.create({ givenName: 'Rana', emails: [{ value: 'rana@example.org' }] });
    const before = snapshot(core);
    const error = await loadDemoWorkspace(core, { now: NOW }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DemoWorkspaceError);
    expect((error as DemoWorkspaceError).occupiedTables).toEqual(['contacts']);
    expect((error as Error).message).toMatch(/empty workspace.*contacts.*Nothing was changed/);
    expect(snapshot(core)).toEqual(before);
    expect(snapshot(await reopen())).toEqual(before);
  });

  it('refuses to load twice', async () => {
    const { core } = await loaded();
    const before = snapshot(core);
    await expect(loadDemoWorkspace(core, { now: NOW })).rejects.toBeInstanceOf(DemoWorkspaceError);
    expect(snapshot(core)).toEqual(before);
  });

  it('counts a template-only workspace as used, but not settings alone', async () => {
    const { core } = await freshDataCore();
    expect(isWorkspaceEmpty(core)).toBe(true);
    await core.settings.update({ letterPaper: 'letter' });
    expect(isWorkspaceEmpty(core)).toBe(true);
    await core.templates.create({ name: 'Our letter' });
    expect(isWorkspaceEmpty(core)).toBe(false);
    await expect(loadDemoWorkspace(core)).rejects.toThrow(/templates/);
  });

  it('leaves no half demo when the write fails', async () => {
    const { core, reopen } = await freshDataCore();
    await failNthWrite(core, 1);
    await expect(loadDemoWorkspace(core, { now: NOW })).rejects.toThrow(/disk is full/);
    expect(isWorkspaceEmpty(core)).toBe(true);
    expect(isWorkspaceEmpty(await reopen())).toBe(true);
  });

  it('finds everything after reopening the database', async () => {
    const { core, reopen } = await loaded();
    const before = snapshot(core);
    const contacts = core.contacts.count();
    const again = await reopen();
    expect(snapshot(again)).toEqual(before);
    expect(again.contacts.count()).toBe(contacts);
  });
});
