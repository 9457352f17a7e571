/**
 * A coalition this workspace belongs to: how to reach it (a server, or files only), the
 * coalition key (stored like any record, so sealed under the workspace's data key), this
 * member's id in it, the campaigns shared with it, and how the last sync went.
 */
import { z } from 'zod';
import { invitationSchema, keyLinkSchema } from '../coalition/invitation';
import { idSchema, instantSchema, optionalText, recordBaseShape, requiredText } from './common';

/** As in an invitation: `{kind: 'server', url, database, username, password}` or `{kind: 'files'}`. */
export const coalitionTransportSchema = invitationSchema.shape.transport;
export type CoalitionTransport = z.output<typeof coalitionTransportSchema>;
export type CoalitionTransportInput = z.input<typeof coalitionTransportSchema>;

/** Why the last sync failed, for the status shown in both languages. */
export const SYNC_PROBLEMS = [
  'unreachable',
  'unauthorized',
  'server-error',
  'clock-drift',
  'other',
] as const;
export type SyncProblem = (typeof SYNC_PROBLEMS)[number];

export const coalitionStatusSchema = z.strictObject({
  /** When replication last caught up with the server (or a bundle was last exchanged). */
  syncedAt: instantSchema.optional(),
  /** Local changes not yet sent. */
  pendingChanges: z.number().int().min(0).default(0),
  /** Documents received that did not open (see RefusedDocumentError), since joining. */
  refusedCount: z.number().int().min(0).default(0),
  /** Campaigns received from the coalition (as its replica last reported them), sorted. */
  receivedCampaigns: z.array(idSchema).max(10_000).default([]),
  lastError: z
    .strictObject({
      problem: z.enum(SYNC_PROBLEMS),
      at: instantSchema,
      /** For developers (an HTTP status, an engine message); never shown untranslated alone. */
      detail: optionalText(500),
    })
    .optional(),
});
export type CoalitionStatus = z.output<typeof coalitionStatusSchema>;
export type CoalitionStatusInput = z.input<typeof coalitionStatusSchema>;

export const sharedCampaignSchema = z.strictObject({
  campaignId: idSchema,
  /** Templates shared besides those the campaign's letters were made from. */
  templateIds: z.array(idSchema).max(1_000).default([]),
  sharedAt: instantSchema,
});
export type SharedCampaign = z.output<typeof sharedCampaignSchema>;

const KEY_ID = /^[0-9a-f]{32}$/;

export const coalitionFields = {
  name: requiredText(200),
  transport: coalitionTransportSchema,
  /** base64 of the 32-byte coalition key. */
  key: invitationSchema.shape.coalitionKey,
  /** This workspace's member id in the coalition (its clock readings carry it). */
  memberId: invitationSchema.shape.memberId,
  /**
   * base64 of the key this workspace's code-named contacts take their alias from: the first key
   * it had in the coalition, kept by rotations so that those contacts keep their alias (absent:
   * the current key). The removed member knows it, but aliases travel only sealed.
   */
  aliasKey: invitationSchema.shape.coalitionKey.optional(),
  /** Ids of the keys replaced by rotations: documents under them are refused as 'old-key'. */
  retiredKeyIds: z.array(z.string().regex(KEY_ID)).max(1_000).default([]),
  /** The key's history (oldest first), for the invitations of the members who stay. */
  keyLinks: z.array(keyLinkSchema).max(1_000).default([]),
  sharedCampaigns: z.array(sharedCampaignSchema).max(10_000).default([]),
  status: coalitionStatusSchema.default(() => coalitionStatusSchema.parse({})),
};

const campaignsOnce = (coalition: { sharedCampaigns: readonly { campaignId: string }[] }) =>
  new Set(coalition.sharedCampaigns.map((s) => s.campaignId)).size ===
  coalition.sharedCampaigns.length;
const CAMPAIGNS_ONCE = { message: 'a campaign is shared once', path: ['sharedCampaigns'] };

export const coalitionInputSchema = z
  .strictObject(coalitionFields)
  .refine(campaignsOnce, CAMPAIGNS_ONCE);
export const coalitionSchema = z
  .strictObject({ ...recordBaseShape, ...coalitionFields })
  .refine(campaignsOnce, CAMPAIGNS_ONCE);

export type CoalitionInput = z.input<typeof coalitionInputSchema>;
export type Coalition = z.output<typeof coalitionSchema>;
