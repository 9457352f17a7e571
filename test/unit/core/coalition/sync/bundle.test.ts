import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveCoalitionKeys } from '@core/coalition/coalition-key';
import { BundleError, exportBundle, importBundle } from '@core/coalition/sync/bundle';
import { fromBase64 } from '@core/crypto/bytes';
import { KDF_ALGORITHM, MIN_PBKDF2_ITERATIONS } from '@core/crypto/kdf';
import {
  ARABIC_MARKER,
  LATIN_MARKER,
  laptop,
  must,
  newCoalitionKey,
  seededWorkspace,
  testClock,
} from './fixtures';

const cost = { algorithm: KDF_ALGORITHM, iterations: MIN_PBKDF2_ITERATIONS } as const;

async function twoLaptops() {
  const key = newCoalitionKey();
  const seeded = seededWorkspace();
  const now = testClock();
  const a = await laptop('member-a', key, seeded.workspace, [seeded.campaign.id], now);
  const b = await laptop('member-b', key, undefined, [], now);
  return { key, seeded, a, b };
}

const problemOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BundleError) return error.problem;
    throw error;
  }
  return 'no error';
};

describe('coalition bundles', () => {
  it('carries a campaign to another laptop and back, conflicts merged by the same rules', async () => {
    const { seeded, a, b } = await twoLaptops();
    const first = await a.replica.exportBundle({ campaignId: seeded.campaign.id, cost });
    expect(first.documents).toBe(7);
    for (const marker of [LATIN_MARKER, ARABIC_MARKER, 'Ordinance', seeded.campaign.id])
      expect(first.file).not.toContain(marker);
    const received = await b.replica.importBundle(first.file, first.passphrase);
    expect(received.applied).toBe(7);
    expect(b.workspace.tables.campaigns.get(seeded.campaign.id)?.name).toBe('Ordinance 2026-14');

    // Both edit the campaign offline, then exchange bundles both ways.
    const onA = must(a.workspace.tables.campaigns.get(seeded.campaign.id));
    a.workspace.put('campaigns', { ...onA, name: 'Renamed on A' });
    const onB = must(b.workspace.tables.campaigns.get(seeded.campaign.id));
    b.workspace.put('campaigns', { ...onB, description: 'Described on B' });
    const fromA = await a.replica.exportBundle({ campaignId: seeded.campaign.id, cost });
    const fromB = await b.replica.exportBundle({ campaignId: seeded.campaign.id, cost });
    await b.replica.importBundle(fromA.file, fromA.passphrase);
    await a.replica.importBundle(fromB.file, fromB.passphrase);
    for (const l of [a, b]) {
      expect(l.workspace.tables.campaigns.get(seeded.campaign.id)).toMatchObject({
        name: 'Renamed on A',
        description: 'Described on B',
      });
      const { rows } = await l.db.allDocs({ include_docs: true, conflicts: true });
      expect(rows.filter((r) => r.doc?._conflicts?.length)).toEqual([]);
    }
  });

  it('holds only what the campaign names', async () => {
    const { seeded, a } = await twoLaptops();
    const other = { ...seeded.campaign, id: '00000000-0000-4000-8000-0000000c0000', name: 'Other' };
    a.workspace.put('campaigns', other);
    a.replica.reconfigure({
      ...a.config,
      sharedCampaigns: [
        { campaignId: seeded.campaign.id, templateIds: [] },
        { campaignId: other.id, templateIds: [] },
      ],
    });
    const all = await a.replica.exportBundle({ cost });
    const one = await a.replica.exportBundle({ campaignId: other.id, cost });
    expect(all.documents).toBe(8);
    // The other campaign, and the volunteer owning its task.
    expect(one.documents).toBe(2);
  });

  it('says what is wrong: wrong passphrase, damaged, another coalition, not a bundle, newer', async () => {
    const { key, seeded, a } = await twoLaptops();
    const keys = await deriveCoalitionKeys(key);
    await a.replica.push();
    const bundle = await exportBundle(a.db, keys, { campaignId: seeded.campaign.id, cost });
    const other = await laptop('member-x', newCoalitionKey());
    expect(
      await problemOf(importBundle(other.db, other.replica.keys, bundle.file, bundle.passphrase)),
    ).toBe('another-coalition');
    const fresh = await laptop('member-b', key);
    const wrong = 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH';
    expect(await problemOf(importBundle(fresh.db, keys, bundle.file, wrong))).toBe(
      'wrong-passphrase',
    );
    const file = JSON.parse(bundle.file) as Record<string, string>;
    const ciphertext = must(file['ciphertext']);
    const flipped = {
      ...file,
      ciphertext: (ciphertext[0] === 'A' ? 'B' : 'A') + ciphertext.slice(1),
    };
    expect(
      await problemOf(importBundle(fresh.db, keys, JSON.stringify(flipped), bundle.passphrase)),
    ).toBe('damaged');
    expect(
      await problemOf(importBundle(fresh.db, keys, bundle.file.slice(0, 200), bundle.passphrase)),
    ).toBe('damaged');
    expect(await problemOf(importBundle(fresh.db, keys, 'hello', bundle.passphrase))).toBe(
      'not-a-bundle',
    );
    expect(
      await problemOf(
        importBundle(fresh.db, keys, JSON.stringify({ ...file, version: 2 }), bundle.passphrase),
      ),
    ).toBe('newer-version');
    // Nothing was written by the refused imports.
    expect((await fresh.db.info()).doc_count).toBe(0);
    // The right passphrase, typed in lower case without dashes, opens it.
    const typed = bundle.passphrase.replace(/-/g, '').toLowerCase();
    expect((await importBundle(fresh.db, keys, bundle.file, typed)).revisions).toBeGreaterThan(0);
  });

  it('imports a bundle main 9332c1a wrote (document format 1); edits then go in format 2', async () => {
    const fixture = JSON.parse(
      readFileSync(
        path.resolve(import.meta.dirname, '../../../../fixtures/coalition/v1-documents.json'),
        'utf8',
      ),
    ) as { coalitionKey: string; bundle: { file: string; passphrase: string } };
    const key = fromBase64(fixture.coalitionKey);
    const b = await laptop('a4d3c2b1-0f9e-4d8c-8b7a-6f5e4d3c2b1a', key);
    const received = await b.replica.importBundle(fixture.bundle.file, fixture.bundle.passphrase);
    expect({ applied: received.applied, refused: received.refused }).toEqual({
      applied: 7,
      refused: [],
    });
    const [campaign] = b.workspace.tables.campaigns.values();
    expect(campaign).toMatchObject({
      name: 'Ordinance 2026-14',
      description: 'وصف الحملة',
      tasks: [],
    });
    expect(b.workspace.tables.interactions.size).toBe(1);
    // An edit on this laptop is sealed in format 2 and opens on another laptop.
    b.workspace.put('campaigns', { ...must(campaign), name: 'Renamed' });
    const bundle = await b.replica.exportBundle({ cost });
    const c = await laptop('c-member', key);
    await c.replica.importBundle(bundle.file, bundle.passphrase);
    expect([...c.workspace.tables.campaigns.values()].map((x) => x.name)).toEqual(['Renamed']);
    const { rows } = await b.db.allDocs({ include_docs: true });
    const versions = rows.flatMap((row) => (row.id.startsWith('_') ? [] : [row.doc?.['v']]));
    expect(versions.filter((v) => v === 2)).toHaveLength(1);
    expect(versions.filter((v) => v === 1)).toHaveLength(6);
  });
});
