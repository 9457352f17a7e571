import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '@core/crypto/bytes';
import { KDF_ALGORITHM, MIN_PBKDF2_ITERATIONS, type Argon2idRequest } from '@core/crypto/kdf';
import { argon2idWithWasm } from '@shared/argon2id-wasm';
import { deriveCoalitionKeys } from '@core/coalition/coalition-key';
import { InvitationError } from '@core/coalition/errors';
import { createInvitation, openInvitation } from '@core/coalition/invitation';
import { rotateCoalitionKey, type KeyLink } from '@core/coalition/rotation';
import { CoalitionError } from '@core/db/repositories/coalitions';
import { failNthWrite, recordSnapshot } from '../../../../helpers/fail-nth-write';
import { freshDataCore } from '../../../../helpers/fresh-data-core';
import { errorOf } from '../fixtures';

const argon2id = (request: Argon2idRequest) => argon2idWithWasm(request);
/** PBKDF2 at its floor keeps these tests fast; invitation.test.ts covers the app's Argon2id. */
const LOW_COST = {
  cost: { algorithm: KDF_ALGORITHM, iterations: MIN_PBKDF2_ITERATIONS },
  argon2id,
} as const;
const SERVER = {
  kind: 'server',
  url: 'https://couch.example.org',
  database: 'coalition-a',
  username: 'amal',
  password: 'pw-amal',
} as const;

const coalitionError = async (promise: Promise<unknown>) => {
  const error = await errorOf(promise);
  expect(error).toBeInstanceOf(CoalitionError);
  return error as CoalitionError;
};

describe('coalitions in the workspace', () => {
  it('creates one with a new key and member id, stored across a reopen', async () => {
    const { core, reopen } = await freshDataCore();
    const created = await core.coalitions.createCoalition('  Rainbow Coalition ', SERVER);
    expect(created).toMatchObject({
      name: 'Rainbow Coalition',
      transport: SERVER,
      retiredKeyIds: [],
      sharedCampaigns: [],
      status: { pendingChanges: 0, refusedCount: 0 },
    });
    expect(fromBase64(created.key)).toHaveLength(32);
    expect(created.memberId).toMatch(/^[0-9a-f-]{36}$/);
    const other = await core.coalitions.createCoalition('USB circle', { kind: 'files' });
    expect(other.key).not.toBe(created.key);
    const after = await reopen();
    expect(after.coalitions.listCoalitions()).toEqual([created, other]);
    const keys = await after.coalitions.keysOf(created.id);
    expect(keys.keyId).toBe((await deriveCoalitionKeys(fromBase64(created.key))).keyId);
  });

  it('refuses a plain-http server other than this computer, naming the field', async () => {
    const { core } = await freshDataCore();
    const error = await coalitionError(
      core.coalitions.createCoalition('C', { ...SERVER, url: 'http://couch.example.org' }),
    );
    expect(error.problem).toBe('invalid');
    expect(error.fields).toEqual([{ field: 'transport.url', code: 'https-required' }]);
    const blank = await coalitionError(core.coalitions.createCoalition(' ', { kind: 'files' }));
    expect(blank.fields.map((f) => f.field)).toEqual(['name']);
    const local = await core.coalitions.createCoalition('Local test', {
      ...SERVER,
      url: 'http://127.0.0.1:5984',
    });
    expect(local.transport).toMatchObject({ url: 'http://127.0.0.1:5984' });
    expect(core.coalitions.listCoalitions()).toHaveLength(1);
  });

  it('invites with a new member id each time, and the invitee joins once', async () => {
    const { core } = await freshDataCore();
    const coalition = await core.coalitions.createCoalition('Rainbow', SERVER);
    const first = await core.coalitions.inviteMember(coalition.id, {
      ...LOW_COST,
      credentials: { username: 'rana', password: 'pw-rana' },
    });
    const second = await core.coalitions.inviteMember(coalition.id, LOW_COST);
    expect(first.memberId).not.toBe(second.memberId);
    expect(first.memberId).not.toBe(coalition.memberId);
    const opened = await openInvitation(second.text, second.passphrase, argon2id);
    expect(opened.transport).toEqual(SERVER);

    const invitee = (await freshDataCore()).core;
    const joined = await invitee.coalitions.joinCoalition(first.text, first.passphrase, argon2id);
    expect(joined).toMatchObject({
      name: 'Rainbow',
      key: coalition.key,
      memberId: first.memberId,
      transport: { ...SERVER, username: 'rana', password: 'pw-rana' },
    });
    const again = await coalitionError(
      invitee.coalitions.joinCoalition(second.file, second.passphrase, argon2id),
    );
    expect(again.problem).toBe('already-joined');
    expect(invitee.coalitions.listCoalitions()).toEqual([joined]);
    // The inviter itself holds the key already.
    expect(
      (await coalitionError(core.coalitions.joinCoalition(first.text, first.passphrase, argon2id)))
        .problem,
    ).toBe('already-joined');
  });

  it('joins two concurrent uses of one invitation only once', async () => {
    const { core } = await freshDataCore();
    const coalition = await core.coalitions.createCoalition('Rainbow', { kind: 'files' });
    const invitation = await core.coalitions.inviteMember(coalition.id, LOW_COST);
    const invitee = (await freshDataCore()).core;
    const results = await Promise.allSettled([
      invitee.coalitions.joinCoalition(invitation.text, invitation.passphrase, argon2id),
      invitee.coalitions.joinCoalition(invitation.text, invitation.passphrase, argon2id),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(invitee.coalitions.listCoalitions()).toHaveLength(1);
  });

  it('refuses a wrong passphrase or an invitation under a retired key, writing nothing', async () => {
    const { core } = await freshDataCore();
    const coalition = await core.coalitions.createCoalition('Rainbow', { kind: 'files' });
    const invitation = await core.coalitions.inviteMember(coalition.id, LOW_COST);
    const invitee = (await freshDataCore()).core;
    const wrong = await errorOf(
      invitee.coalitions.joinCoalition(invitation.text, 'AAAA-BBBB', argon2id),
    );
    expect(wrong).toBeInstanceOf(InvitationError);
    expect((wrong as InvitationError).problem).toBe('wrong-passphrase');

    const rotated = await rotateCoalitionKey(await core.coalitions.keysOf(coalition.id));
    await core.coalitions.replaceKey(coalition.id, rotated.raw, rotated.retiredKeyIds);
    const old = await coalitionError(
      core.coalitions.joinCoalition(invitation.text, invitation.passphrase, argon2id),
    );
    expect(old.problem).toBe('retired-key');
    expect(invitee.coalitions.listCoalitions()).toEqual([]);
    expect(core.coalitions.listCoalitions()).toHaveLength(1);
  });

  it('prepares a rotation: a new key, the old one retired, the new database checked', async () => {
    const { core } = await freshDataCore();
    const coalition = await core.coalitions.createCoalition('Rainbow', SERVER);
    const before = await core.coalitions.keysOf(coalition.id);
    const prepared = await core.coalitions.prepareRotation(coalition.id, {
      database: 'coalition-a-2',
    });
    expect(prepared.keys.keyId).not.toBe(before.keyId);
    expect(prepared.retiredKeyIds).toEqual([before.keyId]);
    expect(prepared.transport).toEqual({ ...SERVER, database: 'coalition-a-2' });
    const moved = await core.coalitions.prepareRotation(coalition.id, {
      database: 'coalition-a-2',
      credentials: { username: 'amal-2', password: 'pw-2' },
    });
    expect(moved.transport).toMatchObject({ username: 'amal-2', password: 'pw-2' });
    // Nothing is written until replaceKey.
    expect(core.coalitions.require(coalition.id)).toEqual(coalition);

    const bad = await coalitionError(
      core.coalitions.prepareRotation(coalition.id, { database: 'Has Spaces' }),
    );
    expect(bad.fields).toEqual([{ field: 'transport.database', code: 'invalid_format' }]);
    const none = await coalitionError(core.coalitions.prepareRotation(coalition.id));
    expect(none.fields.map((f) => f.field)).toEqual(['transport.database']);
    const same = await coalitionError(
      core.coalitions.prepareRotation(coalition.id, { database: SERVER.database }),
    );
    expect(same.problem).toBe('same-database');

    const files = await core.coalitions.createCoalition('USB', { kind: 'files' });
    const filesRotation = await core.coalitions.prepareRotation(files.id);
    expect(filesRotation.transport).toBeUndefined();
    const stored = await core.coalitions.replaceKey(
      files.id,
      filesRotation.raw,
      filesRotation.retiredKeyIds,
    );
    expect((await core.coalitions.keysOf(stored.id)).keyId).toBe(filesRotation.keys.keyId);
    const again = await core.coalitions.prepareRotation(files.id);
    expect(again.retiredKeyIds).toEqual([...filesRotation.retiredKeyIds, filesRotation.keys.keyId]);
  });

  it('an invitation after a rotation updates the member’s coalition in place', async () => {
    const { core } = await freshDataCore();
    const coalition = await core.coalitions.createCoalition('Rainbow', SERVER);
    const first = await core.coalitions.inviteMember(coalition.id, LOW_COST);
    expect((await openInvitation(first.text, first.passphrase, argon2id)).keyLinks).toBeUndefined();
    const member = (await freshDataCore()).core;
    const joined = await member.coalitions.joinCoalition(first.text, first.passphrase, argon2id);
    const campaign = await member.campaigns.create({ name: 'Equality bill' });
    await member.coalitions.setCampaignShared(joined.id, campaign.id, true);

    const oldKeyId = (await core.coalitions.keysOf(coalition.id)).keyId;
    const prepared = await core.coalitions.prepareRotation(coalition.id, {
      database: 'coalition-a-2',
    });
    await core.coalitions.replaceKey(
      coalition.id,
      prepared.raw,
      prepared.retiredKeyIds,
      prepared.transport,
      prepared.link,
    );
    const renewed = await core.coalitions.inviteMember(coalition.id, {
      ...LOW_COST,
      credentials: { username: 'rana', password: 'pw-rana' },
    });
    const opened = await openInvitation(renewed.text, renewed.passphrase, argon2id);
    expect(opened.keyLinks).toEqual([prepared.link]);
    expect(prepared.link.keyId).toBe(oldKeyId);

    const updated = await member.coalitions.joinCoalition(
      renewed.text,
      renewed.passphrase,
      argon2id,
    );
    expect(updated).toMatchObject({
      id: joined.id,
      createdAt: joined.createdAt,
      key: core.coalitions.require(coalition.id).key,
      memberId: renewed.memberId,
      retiredKeyIds: [oldKeyId],
      keyLinks: [prepared.link],
      transport: { ...SERVER, database: 'coalition-a-2', username: 'rana', password: 'pw-rana' },
    });
    expect(updated.sharedCampaigns.map((s) => s.campaignId)).toEqual([campaign.id]);
    expect(member.coalitions.listCoalitions()).toEqual([updated]);
    // Both keep the key their code-named contacts' aliases come from: the first one they had.
    expect(updated.aliasKey).toBe(joined.key);
    expect(core.coalitions.require(coalition.id).aliasKey).toBe(coalition.key);
    expect((await member.coalitions.aliasKeysOf(joined.id)).keyId).toBe(oldKeyId);
    // The old invitation is now refused; the new one a second time says already joined.
    expect(
      (
        await coalitionError(
          member.coalitions.joinCoalition(first.text, first.passphrase, argon2id),
        )
      ).problem,
    ).toBe('retired-key');
    expect(
      (
        await coalitionError(
          member.coalitions.joinCoalition(renewed.text, renewed.passphrase, argon2id),
        )
      ).problem,
    ).toBe('already-joined');
  });

  it('a replacing invitation without a valid proof, for another server or the same database, joins as a new coalition', async () => {
    const { core } = await freshDataCore();
    const coalition = await core.coalitions.createCoalition('Rainbow', SERVER);
    const first = await core.coalitions.inviteMember(coalition.id, LOW_COST);
    const member = (await freshDataCore()).core;
    const joined = await member.coalitions.joinCoalition(first.text, first.passphrase, argon2id);
    const keys = await core.coalitions.keysOf(coalition.id);
    const rotated = await rotateCoalitionKey(keys);
    const invitationWith = (
      keyLinks: KeyLink[],
      url: string = SERVER.url,
      database = 'coalition-a-2',
    ) =>
      createInvitation(
        {
          coalitionName: 'Rainbow',
          coalitionKey: toBase64(rotated.raw),
          memberId: crypto.randomUUID(),
          transport: { ...SERVER, url, database },
          keyLinks,
        },
        LOW_COST,
      );

    // Key ids are public: naming one with a made-up proof takes nothing over.
    const forged = await invitationWith([{ keyId: keys.keyId, proof: 'ab'.repeat(32) }]);
    const added = await member.coalitions.joinCoalition(forged.text, forged.passphrase, argon2id);
    expect(added.id).not.toBe(joined.id);
    expect(member.coalitions.require(joined.id)).toEqual(joined);
    await member.coalitions.leaveCoalition(added.id);

    // A valid proof still does not move a coalition to another server.
    const elsewhere = await invitationWith([rotated.link], 'https://other.example.net');
    const other = await member.coalitions.joinCoalition(
      elsewhere.text,
      elsewhere.passphrase,
      argon2id,
    );
    expect(other.id).not.toBe(joined.id);
    expect(member.coalitions.require(joined.id)).toEqual(joined);
    await member.coalitions.leaveCoalition(other.id);

    // Nor to a new key on the database it uses: a removal always moves to a new one, and the
    // removed member (who holds the old key too) may still read the old database.
    const inPlace = await invitationWith([rotated.link], SERVER.url, SERVER.database);
    const kept = await member.coalitions.joinCoalition(inPlace.text, inPlace.passphrase, argon2id);
    expect(kept.id).not.toBe(joined.id);
    expect(member.coalitions.require(joined.id)).toEqual(joined);
  });

  it('leaves a coalition: its record and key go, shared records stay', async () => {
    const { core, reopen } = await freshDataCore();
    const campaign = await core.campaigns.create({ name: 'Equality bill' });
    const kept = await core.coalitions.createCoalition('Kept', { kind: 'files' });
    const left = await core.coalitions.createCoalition('Left', { kind: 'files' });
    await core.coalitions.setCampaignShared(left.id, campaign.id, true);
    await core.coalitions.leaveCoalition(left.id);
    const after = await reopen();
    expect(after.coalitions.listCoalitions().map((c) => c.id)).toEqual([kept.id]);
    expect(after.campaigns.get(campaign.id)?.name).toBe('Equality bill');
    const gone = await coalitionError(after.coalitions.leaveCoalition(left.id));
    expect(gone.problem).toBe('not-found');
  });

  it('shares and stops sharing campaigns, with chosen templates', async () => {
    const { core } = await freshDataCore();
    const campaign = await core.campaigns.create({ name: 'Equality bill' });
    const other = await core.campaigns.create({ name: 'Other' });
    const template = await core.templates.create({ name: 'Ask letter' });
    const coalition = await core.coalitions.createCoalition('Rainbow', { kind: 'files' });
    const shared = await core.coalitions.setCampaignShared(coalition.id, campaign.id, true, [
      template.id,
      template.id,
    ]);
    expect(shared.sharedCampaigns).toEqual([
      { campaignId: campaign.id, templateIds: [template.id], sharedAt: expect.any(String) },
    ]);
    const sharedAt = shared.sharedCampaigns[0]?.sharedAt;
    const again = await core.coalitions.setCampaignShared(coalition.id, campaign.id, true);
    expect(again.sharedCampaigns).toEqual([{ campaignId: campaign.id, templateIds: [], sharedAt }]);
    await core.coalitions.setCampaignShared(coalition.id, other.id, true);
    const stopped = await core.coalitions.setCampaignShared(coalition.id, campaign.id, false);
    expect(stopped.sharedCampaigns.map((s) => s.campaignId)).toEqual([other.id]);
  });

  it('refuses to share an unknown campaign or template, or contacts without code names', async () => {
    const { core } = await freshDataCore();
    const campaign = await core.campaigns.create({ name: 'Equality bill' });
    const coalition = await core.coalitions.createCoalition('Rainbow', { kind: 'files' });
    const unknown = crypto.randomUUID();
    expect(
      (await coalitionError(core.coalitions.setCampaignShared(coalition.id, unknown, true)))
        .problem,
    ).toBe('campaign-not-found');
    expect(
      (
        await coalitionError(
          core.coalitions.setCampaignShared(coalition.id, campaign.id, true, [unknown]),
        )
      ).problem,
    ).toBe('template-not-found');
    const ally = await core.contacts.create({ kind: 'ally', displayName: 'Dana Haddad' });
    await core.interactions.create({
      campaignId: campaign.id,
      contactId: ally.id,
      kind: 'call',
      occurredAt: '2026-11-20T10:00:00Z',
    });
    const missing = await coalitionError(
      core.coalitions.setCampaignShared(coalition.id, campaign.id, true),
    );
    expect(missing).toMatchObject({ problem: 'missing-code-names', ids: [ally.id] });
    expect(core.coalitions.require(coalition.id).sharedCampaigns).toEqual([]);
    await core.contacts.update(ally.id, { codeName: 'Falcon' });
    await core.coalitions.setCampaignShared(coalition.id, campaign.id, true);
    expect(core.coalitions.require(coalition.id).sharedCampaigns).toHaveLength(1);
  });

  it('records the last sync status, keeping what is left out', async () => {
    const { core } = await freshDataCore();
    const coalition = await core.coalitions.createCoalition('Rainbow', SERVER);
    await core.coalitions.recordSyncStatus(coalition.id, {
      syncedAt: '2026-12-07T10:00:00.000Z',
      pendingChanges: 3,
    });
    const received = ['00000000-0000-4000-8000-0000000000c1'];
    const failed = await core.coalitions.recordSyncStatus(coalition.id, {
      refusedCount: 2,
      receivedCampaigns: received,
      lastError: { problem: 'unreachable', at: '2026-12-07T11:00:00.000Z' },
    });
    expect(failed.status).toEqual({
      syncedAt: '2026-12-07T10:00:00.000Z',
      pendingChanges: 3,
      refusedCount: 2,
      receivedCampaigns: received,
      lastError: { problem: 'unreachable', at: '2026-12-07T11:00:00.000Z' },
    });
    const cleared = await core.coalitions.recordSyncStatus(coalition.id, { lastError: undefined });
    expect(cleared.status.lastError).toBeUndefined();
    const bad = await coalitionError(
      core.coalitions.recordSyncStatus(coalition.id, { refusedCount: -1 }),
    );
    expect(bad.problem).toBe('invalid');
    expect(core.coalitions.require(coalition.id).status.refusedCount).toBe(2);
  });

  it('writes nothing when the write fails', async () => {
    const { core } = await freshDataCore();
    const campaign = await core.campaigns.create({ name: 'Equality bill' });
    const coalition = await core.coalitions.createCoalition('Rainbow', { kind: 'files' });
    const before = recordSnapshot(core);
    await failNthWrite(core, 1);
    await expect(
      core.coalitions.setCampaignShared(coalition.id, campaign.id, true),
    ).rejects.toThrow(/disk is full/);
    expect(recordSnapshot(core)).toEqual(before);
    await core.coalitions.setCampaignShared(coalition.id, campaign.id, true);
    expect(core.coalitions.require(coalition.id).sharedCampaigns).toHaveLength(1);
  });
});
