import { describe, expect, it } from 'vitest';
import { checkLetterFile, generateLetters, sha256Hex, starterTemplate } from '@core/letters';
import { failNthWrite, recordSnapshot } from '../../../../helpers/fail-nth-write';
import { freshDataCore } from '../../../../helpers/fresh-data-core';
import { HADDAD, LETTER_DATE, threeRecipientJob as job } from '../../letters/fixtures';

describe('records of generated letters', () => {
  it('stores each letter and an outgoing letter interaction in one transaction', async () => {
    const { core, reopen } = await freshDataCore();
    const person = await core.contacts.create(HADDAD);
    const cause = await core.campaigns.create({ name: 'Fair housing' });
    const target = await core.targets.create({ campaignId: cause.id, contactId: person.id });
    const stored = await core.templates.create({
      ...starterTemplate('support-bill', 'en'),
      name: 'Support',
    });
    const result = await generateLetters(
      job({
        template: stored,
        recipients: [{ id: target.id, contact: person, target }],
        campaign: cause,
        output: 'combined',
      }),
    );
    await core.letters.recordGenerated({
      letters: result.letters,
      campaignId: cause.id,
      templateId: stored.id,
      templateVersion: stored.version,
      at: LETTER_DATE,
    });
    const again = await reopen();
    const [letter] = again.letters.all();
    expect(letter).toMatchObject({
      campaignId: cause.id,
      templateId: stored.id,
      templateVersion: 1,
      contactId: person.id,
      targetId: target.id,
      status: 'draft',
      fileName: result.file.name,
      docxSha256: await sha256Hex(result.file.bytes),
    });
    expect(letter?.renderedText).toContain('Dear Senator Haddad,');
    expect(again.interactions.all()).toEqual([
      expect.objectContaining({
        kind: 'letter',
        direction: 'outgoing',
        contactId: person.id,
        letterId: letter?.id,
        campaignId: cause.id,
      }),
    ]);
    expect(await checkLetterFile(letter ?? {}, result.file.bytes)).toBe('matches');
    const changed = result.file.bytes.slice();
    changed[changed.length - 10] = (changed[changed.length - 10] ?? 0) ^ 1;
    expect(await checkLetterFile(letter ?? {}, changed)).toBe('differs');
    expect(await checkLetterFile({}, changed)).toBe('no-hash');
  });

  it('writes nothing when one record is refused', async () => {
    const { core } = await freshDataCore();
    const person = await core.contacts.create(HADDAD);
    const good = {
      recipientId: person.id,
      contactId: person.id,
      subject: 'S',
      renderedText: 'T',
      fileName: 'a.docx',
      docxSha256: 'a'.repeat(64),
    };
    const bad = { ...good, docxSha256: 'not a hash' };
    await expect(
      core.letters.recordGenerated({ letters: [good, bad], at: LETTER_DATE }),
    ).rejects.toThrow(/docxSha256/);
    expect(core.letters.count()).toBe(0);
    expect(core.interactions.count()).toBe(0);
  });

  it('writes nothing when the write fails', async () => {
    const { core, reopen } = await freshDataCore();
    const person = await core.contacts.create(HADDAD);
    const letter = {
      recipientId: person.id,
      contactId: person.id,
      subject: 'S',
      renderedText: 'T',
      fileName: 'a.docx',
      docxSha256: 'a'.repeat(64),
    };
    const before = recordSnapshot(core);
    await failNthWrite(core, 1);
    await expect(
      core.letters.recordGenerated({ letters: [letter, letter], at: LETTER_DATE }),
    ).rejects.toThrow(/disk is full/);
    expect(recordSnapshot(core)).toEqual(before);
    expect(recordSnapshot(await reopen())).toEqual(before);
  });
});
