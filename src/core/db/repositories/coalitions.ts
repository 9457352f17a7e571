/**
 * The coalitions a workspace belongs to, as records of their own (sealed with the workspace's
 * data key like every record, the coalition key with them). Every operation writes one record
 * in one commit; operations run one at a time, so two joins of one invitation cannot both pass
 * the "already joined" check.
 */
import { fromBase64, toBase64 } from '../../crypto/bytes';
import type { Argon2idDeriver, KdfCost } from '../../crypto/kdf';
import {
  deriveCoalitionKeys,
  newCoalitionKey,
  type CoalitionKeys,
} from '../../coalition/coalition-key';
import {
  createInvitation,
  openInvitation,
  type Invitation,
  type SealedInvitation,
} from '../../coalition/invitation';
import {
  linksFrom,
  rotateCoalitionKey,
  type KeyLink,
  type RotatedKey,
} from '../../coalition/rotation';
import {
  campaignShare,
  type CampaignShare,
  type ShareOptions,
} from '../../coalition/share-selection';
import {
  coalitionSchema,
  coalitionTransportSchema,
  type Coalition,
  type CoalitionStatusInput,
  type CoalitionTransport,
  type CoalitionTransportInput,
} from '../../domain/coalition';
import type { Id } from '../../domain/common';
import type { DataContext } from './repository';

export type CoalitionProblem =
  /** No coalition with this id (left meanwhile). */
  | 'not-found'
  /** The name or the server settings are not valid: see `fields`. */
  | 'invalid'
  /** The invitation is for a coalition this workspace already belongs to. */
  | 'already-joined'
  /** The invitation carries a key the coalition has since replaced (a member was removed). */
  | 'retired-key'
  /** Removing a member: the new database must be another than the current one. */
  | 'same-database'
  /** The campaign to share does not exist. */
  | 'campaign-not-found'
  /** A template chosen to share with it does not exist. */
  | 'template-not-found'
  /** Contacts the campaign names travel under a code name but have none yet: see `ids`. */
  | 'missing-code-names';

/** One field of a coalition's settings that is not valid, and a code for why. */
export interface CoalitionFieldProblem {
  /** Dotted path, e.g. "transport.url". */
  field: string;
  /** 'https-required', 'credentials-in-url', 'not-a-url', 'bad-key', or zod's issue code. */
  code: string;
}

export class CoalitionError extends Error {
  constructor(
    readonly problem: CoalitionProblem,
    readonly fields: readonly CoalitionFieldProblem[] = [],
    /** For 'missing-code-names': the contacts lacking one. */
    readonly ids: readonly Id[] = [],
  ) {
    super(
      `Coalition: ${problem}${fields.length ? ` (${fields.map((f) => `${f.field}: ${f.code}`).join('; ')})` : ''}${ids.length ? ` (${ids.join(', ')})` : ''}`,
    );
    this.name = 'CoalitionError';
  }
}

/** What inviting a member gives: the sealed invitation and the id the new member will have. */
export interface MemberInvitation extends SealedInvitation {
  memberId: string;
}

export interface InviteOptions {
  /** The new member's own server account; without it, the inviter's account is passed on. */
  credentials?: { username: string; password: string };
  /** KDF cost of the one-time passphrase (tests use a low one). */
  cost?: KdfCost;
  /** The app's Argon2id (main process or the browser's worker): the passphrase's key. */
  argon2id: Argon2idDeriver;
}

/** A rotation prepared (see `prepareRotation`), for `replaceKey` once the new database holds it. */
export interface PreparedRotation extends RotatedKey {
  /** For a server coalition: the new database and this member's account on it. */
  transport?: CoalitionTransport;
}

export interface RotationOptions {
  /** The new database (server coalitions): the operator creates it beforehand. */
  database?: string;
  /** This member's account on the new database; without it, the current one is kept. */
  credentials?: { username: string; password: string };
}

/** A new member id: random, so that it says nothing of the member. */
const newMemberId = () => crypto.randomUUID();

export class CoalitionRepository {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly context: DataContext) {}

  /** Every coalition, oldest first. */
  listCoalitions(): Coalition[] {
    return this.context.store
      .all('coalitions')
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  get(id: Id): Coalition | undefined {
    return this.context.store.get('coalitions', id);
  }

  require(id: Id): Coalition {
    const coalition = this.get(id);
    if (!coalition) throw new CoalitionError('not-found');
    return coalition;
  }

  /** The coalition key's bytes (for invitations, rotation, bundles). */
  keyBytes(id: Id): Uint8Array<ArrayBuffer> {
    return fromBase64(this.require(id).key);
  }

  /** The keys derived from the coalition key: sealing, document ids, the key id. */
  keysOf(id: Id): Promise<CoalitionKeys> {
    return deriveCoalitionKeys(this.keyBytes(id));
  }

  /** The keys this workspace's code-named contacts take their coalition alias from. */
  aliasKeysOf(id: Id): Promise<CoalitionKeys> {
    const coalition = this.require(id);
    return deriveCoalitionKeys(fromBase64(coalition.aliasKey ?? coalition.key));
  }

  /** What sharing a campaign sends, from the workspace's records (see share-selection.ts). */
  shareOf(campaignId: Id, options: ShareOptions = {}): CampaignShare {
    const store = this.context.store;
    return campaignShare(
      campaignId,
      {
        campaigns: store.all('campaigns'),
        contacts: store.all('contacts'),
        organizations: store.all('organizations'),
        targets: store.all('targets'),
        interactions: store.all('interactions'),
        templates: store.all('templates'),
        letters: store.all('letters'),
      },
      options,
    );
  }

  /** A new coalition with a new random key; this workspace is its first member. */
  createCoalition(name: string, transport: CoalitionTransportInput): Promise<Coalition> {
    return this.serially(async () => {
      const now = this.now();
      const coalition = this.checked({
        id: this.context.newId(),
        createdAt: now,
        updatedAt: now,
        name,
        transport,
        key: toBase64(newCoalitionKey()),
        memberId: newMemberId(),
      });
      await this.context.store.commit([{ table: 'coalitions', put: coalition }]);
      return coalition;
    });
  }

  /**
   * An invitation for one new member: the coalition's name, transport and key and a member id
   * of its own, sealed under a one-time passphrase. Writes nothing: the coalition does not keep
   * a list of members (the server's accounts are the list).
   */
  async inviteMember(id: Id, options: InviteOptions): Promise<MemberInvitation> {
    const coalition = this.require(id);
    const memberId = newMemberId();
    const transport: CoalitionTransport =
      coalition.transport.kind === 'server' && options.credentials
        ? { ...coalition.transport, ...options.credentials }
        : coalition.transport;
    const sealed = await createInvitation(
      {
        coalitionName: coalition.name,
        coalitionKey: coalition.key,
        memberId,
        transport,
        // Members who had an earlier key take this one in place of it.
        ...(coalition.keyLinks.length > 0 && { keyLinks: coalition.keyLinks }),
      },
      { cost: options.cost, argon2id: options.argon2id },
    );
    return { ...sealed, memberId };
  }

  /**
   * Joins the coalition an invitation (text block or file text) describes. InvitationError
   * when it does not open; CoalitionError 'already-joined' when this workspace has its key.
   * An invitation made after a member was removed (`keyLinks`) updates the coalition it
   * replaces in place, when that is under one of those keys with a valid proof and on the same
   * server (or files only): the new key, transport and member id, its shared campaigns kept.
   */
  async joinCoalition(
    text: string,
    passphrase: string,
    argon2id: Argon2idDeriver,
  ): Promise<Coalition> {
    const invitation = await openInvitation(text, passphrase, argon2id);
    const { keyId } = await deriveCoalitionKeys(fromBase64(invitation.coalitionKey));
    return this.serially(async () => {
      const coalitions = this.listCoalitions();
      for (const coalition of coalitions) {
        if (coalition.key === invitation.coalitionKey) throw new CoalitionError('already-joined');
        if (coalition.retiredKeyIds.includes(keyId)) throw new CoalitionError('retired-key');
      }
      const links = invitation.keyLinks ?? [];
      const history = { keyLinks: links, retiredKeyIds: links.map((link) => link.keyId) };
      const replaced = await this.replacedBy(coalitions, invitation, keyId);
      if (replaced)
        return this.write({
          ...replaced,
          aliasKey: replaced.aliasKey ?? replaced.key,
          key: invitation.coalitionKey,
          transport: invitation.transport,
          memberId: invitation.memberId,
          keyLinks: links,
          retiredKeyIds: [...new Set([...replaced.retiredKeyIds, ...history.retiredKeyIds])],
        });
      const now = this.now();
      const coalition = this.checked({
        id: this.context.newId(),
        createdAt: now,
        updatedAt: now,
        name: invitation.coalitionName,
        transport: invitation.transport,
        key: invitation.coalitionKey,
        memberId: invitation.memberId,
        ...history,
      });
      await this.context.store.commit([{ table: 'coalitions', put: coalition }]);
      return coalition;
    });
  }

  /** The coalition an invitation after a rotation replaces the key of, if this workspace has it. */
  private async replacedBy(
    coalitions: readonly Coalition[],
    invitation: Invitation,
    keyId: string,
  ): Promise<Coalition | undefined> {
    const links = invitation.keyLinks ?? [];
    if (links.length === 0) return undefined;
    const next = invitation.transport;
    for (const coalition of coalitions) {
      const current = coalition.transport;
      // The proof shows the new key was made by a holder of this one; the server stays the
      // same and the database changes (a removal moves to a new database, never elsewhere).
      // A removed member holds the old key too: kept to the same database, which they may still
      // read, their own "rotation" could have moved the others there (docs/security.md, C4).
      const sameWay =
        current.kind === 'server'
          ? next.kind === 'server' && next.url === current.url && next.database !== current.database
          : next.kind === current.kind;
      if (sameWay && (await linksFrom(await this.keysOf(coalition.id), links, keyId)))
        return coalition;
    }
    return undefined;
  }

  /**
   * The first step of removing a member (see rotation.ts): a new key, and for a server the new
   * database and account checked like the coalition's own. Writes nothing: `replaceKey` stores
   * it once the new database holds what was shared.
   */
  async prepareRotation(id: Id, options: RotationOptions = {}): Promise<PreparedRotation> {
    const coalition = this.require(id);
    let transport: CoalitionTransport | undefined;
    if (coalition.transport.kind === 'server') {
      const parsed = coalitionTransportSchema.safeParse({
        ...coalition.transport,
        database: options.database ?? '',
        ...options.credentials,
      });
      if (!parsed.success)
        throw new CoalitionError(
          'invalid',
          parsed.error.issues.map((issue) => ({
            field: ['transport', ...issue.path].join('.'),
            code: issue.code === 'custom' ? issue.message : issue.code,
          })),
        );
      transport = parsed.data;
      if (transport.kind === 'server' && transport.database === coalition.transport.database)
        throw new CoalitionError('same-database', [
          { field: 'transport.database', code: 'same-database' },
        ]);
    }
    const rotated = await rotateCoalitionKey(await this.keysOf(id), coalition.retiredKeyIds);
    return { ...rotated, ...(transport && { transport }) };
  }

  /**
   * Leaves a coalition: its record and key are deleted. What it shared, and what was received
   * from it, stays in the workspace as ordinary records. (The app's sync client then deletes
   * the replica database of its sealed documents.)
   */
  leaveCoalition(id: Id): Promise<void> {
    return this.serially(async () => {
      this.require(id);
      await this.context.store.commit([{ table: 'coalitions', delete: id }]);
    });
  }

  /**
   * Shares a campaign with the coalition (or updates its chosen templates), or stops sharing
   * it. Sharing refuses a campaign whose code-named contacts lack a code name: they would
   * travel with none.
   */
  setCampaignShared(
    coalitionId: Id,
    campaignId: Id,
    shared: boolean,
    templateIds: readonly Id[] = [],
  ): Promise<Coalition> {
    return this.serially(async () => {
      const coalition = this.require(coalitionId);
      const others = coalition.sharedCampaigns.filter((s) => s.campaignId !== campaignId);
      let sharedCampaigns = others;
      if (shared) {
        const store = this.context.store;
        if (!store.get('campaigns', campaignId)) throw new CoalitionError('campaign-not-found');
        if (templateIds.some((templateId) => !store.get('templates', templateId)))
          throw new CoalitionError('template-not-found');
        const { missingCodeNames } = this.shareOf(campaignId);
        if (missingCodeNames.length)
          throw new CoalitionError('missing-code-names', [], missingCodeNames);
        const before = coalition.sharedCampaigns.find((s) => s.campaignId === campaignId);
        sharedCampaigns = [
          ...others,
          {
            campaignId,
            templateIds: [...new Set(templateIds)],
            sharedAt: before?.sharedAt ?? this.now(),
          },
        ];
      }
      return this.write({ ...coalition, sharedCampaigns });
    });
  }

  /**
   * Stores how the last sync went (the replication layer calls it); fields left out keep their
   * value, `lastError: undefined` clears the error.
   */
  recordSyncStatus(id: Id, status: Partial<CoalitionStatusInput>): Promise<Coalition> {
    return this.serially(async () => {
      const coalition = this.require(id);
      return this.write({ ...coalition, status: { ...coalition.status, ...status } });
    });
  }

  /**
   * After removing a member (see rotation.ts): the new key, the ids of the keys it replaces
   * and, for a server, the new database and this member's account on it.
   */
  replaceKey(
    id: Id,
    raw: Uint8Array<ArrayBuffer>,
    retiredKeyIds: readonly string[],
    transport?: CoalitionTransportInput,
    /** The replaced key's link to the new one (`RotatedKey.link`), for later invitations. */
    link?: KeyLink,
  ): Promise<Coalition> {
    return this.serially(async () => {
      const coalition = this.require(id);
      return this.write({
        ...coalition,
        aliasKey: coalition.aliasKey ?? coalition.key,
        key: toBase64(raw),
        retiredKeyIds: [...retiredKeyIds],
        ...(link && { keyLinks: [...coalition.keyLinks, link] }),
        ...(transport && { transport }),
      });
    });
  }

  private async write(record: Record<string, unknown>) {
    const coalition = this.checked({ ...record, updatedAt: this.now() });
    await this.context.store.commit([{ table: 'coalitions', put: coalition }]);
    return coalition;
  }

  private checked(record: unknown): Coalition {
    const parsed = coalitionSchema.safeParse(record);
    if (parsed.success) return parsed.data;
    throw new CoalitionError(
      'invalid',
      parsed.error.issues.map((issue) => ({
        field: issue.path.join('.'),
        code: issue.code === 'custom' ? issue.message : issue.code,
      })),
    );
  }

  private now(): string {
    return this.context.clock.now().toISOString();
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
