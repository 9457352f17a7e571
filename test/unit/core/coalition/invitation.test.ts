import { describe, expect, it } from 'vitest';
import { KDF_ALGORITHM, MIN_PBKDF2_ITERATIONS, type Argon2idRequest } from '@core/crypto/kdf';
import { argon2idWithWasm } from '@shared/argon2id-wasm';
import { toBase64 } from '@core/crypto/bytes';
import { newCoalitionKey } from '@core/coalition/coalition-key';
import { InvitationError, type InvitationProblem } from '@core/coalition/errors';
import {
  TEXT_BEGIN,
  TEXT_END,
  createInvitation,
  invitationText,
  openInvitation,
  serverUrlProblem,
  type Invitation,
} from '@core/coalition/invitation';

/** PBKDF2 at its floor keeps most tests fast; the app's Argon2id is tested on its own below. */
const OPTIONS = {
  cost: { algorithm: KDF_ALGORITHM, iterations: MIN_PBKDF2_ITERATIONS },
  argon2id: (request: Argon2idRequest) => argon2idWithWasm(request),
} as const;
const derive = OPTIONS.argon2id;

const invitation = (fields: Partial<Invitation> = {}): Invitation => ({
  coalitionName: 'تحالف المساواة — Equality Coalition',
  coalitionKey: toBase64(newCoalitionKey()),
  memberId: '5a6b7c8d-0000-4000-8000-00000000aa01',
  transport: {
    kind: 'server',
    url: 'https://couch.example.org/',
    database: 'coalition-equality',
    username: 'member-basil',
    password: 'Marker-password-9931',
  },
  ...fields,
});

async function problemOf(promise: Promise<unknown>): Promise<InvitationError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InvitationError);
  return error as InvitationError;
}

async function expectProblem(promise: Promise<unknown>, problem: InvitationProblem) {
  expect((await problemOf(promise)).problem).toBe(problem);
}

describe('invitations', () => {
  it('opens from the file and from the text block, with the passphrase typed loosely', async () => {
    const content = invitation();
    const sealed = await createInvitation(content, OPTIONS);
    expect(sealed.passphrase).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(await openInvitation(sealed.file, sealed.passphrase, derive)).toEqual(content);
    const typed = sealed.passphrase.toLowerCase().replace(/-/g, ' ');
    expect(await openInvitation(sealed.text, typed, derive)).toEqual(content);
    for (const secret of [
      'Marker-password-9931',
      'couch.example.org',
      'تحالف',
      'Equality',
      content.coalitionKey,
    ]) {
      expect(sealed.file).not.toContain(secret);
      expect(sealed.text).not.toContain(secret);
    }
    expect(sealed.text.startsWith(`${TEXT_BEGIN}\n`)).toBe(true);
    expect(sealed.text.endsWith(`\n${TEXT_END}`)).toBe(true);
    expect(Math.max(...sealed.text.split('\n').map((line) => line.length))).toBeLessThanOrEqual(64);
  });

  it('opens a block a chat app rewrapped, with text around it', async () => {
    const sealed = await createInvitation(invitation({ transport: { kind: 'files' } }), OPTIONS);
    const body = sealed.text.split('\n').slice(1, -1).join('');
    const pasted = `Here it is:\r\n${TEXT_BEGIN} ${body.replace(/(.{50})/g, '$1\r\n  ')} ${TEXT_END}\nbye`;
    expect(await openInvitation(pasted, sealed.passphrase, derive)).toMatchObject({
      transport: { kind: 'files' },
    });
  });

  it('refuses a wrong passphrase, and text that cannot be one', async () => {
    const sealed = await createInvitation(invitation(), OPTIONS);
    const other = await createInvitation(invitation(), OPTIONS);
    await expectProblem(openInvitation(sealed.text, other.passphrase, derive), 'wrong-passphrase');
    await expectProblem(openInvitation(sealed.text, 'correct horse', derive), 'wrong-passphrase');
  });

  it('refuses a text block cut short', async () => {
    const { text, passphrase } = await createInvitation(invitation(), OPTIONS);
    const lines = text.split('\n');
    await expectProblem(
      openInvitation(lines.slice(0, -1).join('\n'), passphrase, derive),
      'truncated',
    );
    // The end marker kept, the lines before it lost: the JSON inside ends early.
    const cut = [...lines.slice(0, 3), lines.at(-1) ?? ''].join('\n');
    await expectProblem(openInvitation(cut, passphrase, derive), 'truncated');
    const { file } = await createInvitation(invitation(), OPTIONS);
    await expectProblem(openInvitation(file.slice(0, -40), passphrase, derive), 'truncated');
  });

  it('refuses an altered block as damaged, and an altered one with a fixed checksum as not opening', async () => {
    const { file, passphrase } = await createInvitation(invitation(), OPTIONS);
    const json = JSON.parse(file) as Record<string, string>;
    const ciphertext = json['ciphertext'] ?? '';
    const flipped = `${ciphertext.slice(0, 10)}${ciphertext[10] === 'A' ? 'B' : 'A'}${ciphertext.slice(11)}`;
    const garbled = JSON.stringify({ ...json, ciphertext: flipped });
    await expectProblem(openInvitation(invitationText(garbled), passphrase, derive), 'damaged');
    // Someone who recomputes the checksum still cannot make it open.
    const { checksumFor } = await checksumHelper();
    const forged = JSON.stringify({
      ...json,
      ciphertext: flipped,
      checksum: await checksumFor({ ...json, ciphertext: flipped }),
    });
    await expectProblem(openInvitation(forged, passphrase, derive), 'wrong-passphrase');
    const notBase64 = invitationText(file).replace(/\n[A-Za-z0-9+/]{8}/, '\n!!!!!!!!');
    await expectProblem(openInvitation(notBase64, passphrase, derive), 'damaged');
  });

  it('refuses what is not an invitation, and one from a newer version', async () => {
    await expectProblem(openInvitation('hello', 'x', derive), 'not-an-invitation');
    await expectProblem(
      openInvitation('{"format":"tadamun-encrypted-backup"}', 'x', derive),
      'not-an-invitation',
    );
    const { file, passphrase } = await createInvitation(invitation(), OPTIONS);
    const newer = JSON.stringify({ ...(JSON.parse(file) as object), version: 2 });
    await expectProblem(openInvitation(newer, passphrase, derive), 'newer-version');
  });

  it('refuses to make an invitation with a bad server, database or key, naming each field', async () => {
    const bad = invitation({
      coalitionKey: toBase64(new Uint8Array(16)),
      transport: {
        kind: 'server',
        url: 'http://couch.example.org',
        database: 'Has Spaces',
        username: 'member',
        password: 'secret',
      },
    });
    const error = await problemOf(createInvitation(bad, OPTIONS));
    expect(error.problem).toBe('invalid-content');
    expect(error.fields).toEqual(
      expect.arrayContaining([
        { field: 'coalitionKey', code: 'bad-key' },
        { field: 'transport.url', code: 'https-required' },
        { field: 'transport.database', code: 'invalid_format' },
      ]),
    );
  });

  it('carries the keys a new invitation replaces after a rotation, each link checked', async () => {
    const link = { keyId: '0123456789abcdef0123456789abcdef', proof: 'ab'.repeat(32) };
    const replacing = invitation({ keyLinks: [link] });
    const sealed = await createInvitation(replacing, OPTIONS);
    expect(await openInvitation(sealed.text, sealed.passphrase, derive)).toEqual(replacing);
    const error = await problemOf(
      createInvitation(
        invitation({ keyLinks: [{ keyId: 'not-a-key-id', proof: link.proof }] }),
        OPTIONS,
      ),
    );
    expect(error.problem).toBe('invalid-content');
    expect(error.fields).toEqual([{ field: 'keyLinks.0.keyId', code: 'invalid_format' }]);
    const empty = await problemOf(createInvitation(invitation({ keyLinks: [] }), OPTIONS));
    expect(empty.fields).toEqual([{ field: 'keyLinks', code: 'too_small' }]);
  });

  it("by default derives with Argon2id at the workspace's cost, through the deriver it is given", async () => {
    let calls = 0;
    const counting = (request: Argon2idRequest) => {
      calls += 1;
      return argon2idWithWasm(request);
    };
    const content = invitation();
    const sealed = await createInvitation(content, { argon2id: counting });
    expect(JSON.parse(sealed.file)).toMatchObject({
      kdf: { algorithm: 'argon2id', memoryKiB: 65_536, iterations: 3, parallelism: 1 },
    });
    expect(await openInvitation(sealed.text, sealed.passphrase, counting)).toEqual(content);
    expect(calls).toBe(2);
  }, 60_000);

  it('refuses weakened, absurd or unknown key settings before deriving, naming them', async () => {
    const { file, passphrase } = await createInvitation(invitation(), OPTIONS);
    const json = JSON.parse(file) as Record<string, unknown>;
    const { salt } = json['kdf'] as { salt: string };
    const argon2id = { algorithm: 'argon2id', memoryKiB: 65_536, iterations: 3, parallelism: 1 };
    const { checksumFor } = await checksumHelper();
    let calls = 0;
    const counting = (request: Argon2idRequest) => {
      calls += 1;
      return argon2idWithWasm(request);
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...argon2id, memoryKiB: 32_768, salt }, 'kdf-out-of-range'],
      [{ ...argon2id, iterations: 2, salt }, 'kdf-out-of-range'],
      [{ ...argon2id, memoryKiB: 8 * 1024 * 1024, salt }, 'kdf-out-of-range'],
      [{ algorithm: KDF_ALGORITHM, iterations: 1_000, salt }, 'kdf-out-of-range'],
      [{ ...argon2id, algorithm: 'scrypt', salt }, 'kdf-unknown-algorithm'],
    ];
    for (const [kdf, code] of cases) {
      const forged = { ...json, kdf };
      const text = JSON.stringify({ ...forged, checksum: await checksumFor(forged) });
      const error = await problemOf(openInvitation(text, passphrase, counting));
      expect(error.problem, code).toBe('damaged');
      expect(error.fields).toEqual([{ field: 'kdf', code }]);
    }
    expect(calls).toBe(0);
  });

  it('accepts https anywhere, plain http only on this machine', () => {
    expect(serverUrlProblem('https://couch.example.org:6984/db-proxy')).toBeUndefined();
    expect(serverUrlProblem('http://127.0.0.1:5984')).toBeUndefined();
    expect(serverUrlProblem('http://localhost:5984/')).toBeUndefined();
    expect(serverUrlProblem('http://[::1]:5984/')).toBeUndefined();
    expect(serverUrlProblem('http://192.168.1.20:5984')).toBe('https-required');
    expect(serverUrlProblem('http://localhost.evil.example')).toBe('https-required');
    expect(serverUrlProblem('ftp://couch.example.org')).toBe('https-required');
    expect(serverUrlProblem('https://admin:pw@couch.example.org')).toBe('credentials-in-url');
    expect(serverUrlProblem('https://couch.example.org/?q=1')).toBe('not-a-url');
    expect(serverUrlProblem('couch.example.org')).toBe('not-a-url');
  });
});

/** The checksum as the format defines it, for a forger who knows the format. */
async function checksumHelper() {
  const { canonicalJson } = await import('@core/coalition/shared-record');
  const { utf8 } = await import('@core/crypto/bytes');
  return {
    async checksumFor(file: Record<string, unknown>): Promise<string> {
      const context = JSON.stringify([file['format'], file['version'], canonicalJson(file['kdf'])]);
      const text = JSON.stringify([context, file['iv'], file['ciphertext']]);
      const digest = await crypto.subtle.digest('SHA-256', utf8.encode(text));
      return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
    },
  };
}
