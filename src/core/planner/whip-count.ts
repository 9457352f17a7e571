import { STANCES, type Stance, type Target } from '../domain/target';

export interface WhipCount {
  total: number;
  byStance: Record<Stance, number>;
  /** Champions and supportive targets. */
  supportive: number;
  /** Opposed and hostile targets. */
  opposed: number;
  /** Only with a threshold: ceil(threshold × total) supporters make a win. */
  needed?: number;
  /** Only with a threshold: how many more supporters are needed, never below 0. */
  missing?: number;
  /** Only with a threshold: enough supporters (and at least one target). */
  reached?: boolean;
}

/** Shares such as 0.6 × 10 come out as 6.000000000000001 in floating point. */
const ROUNDING_SLACK = 1e-9;

export function emptyStanceCounts(): Record<Stance, number> {
  return Object.fromEntries(STANCES.map((stance) => [stance, 0])) as Record<Stance, number>;
}

/** Targets counted by stance, and how far the campaign is from `winThreshold` (0–1]. */
export function whipCount(targets: readonly Target[], winThreshold?: number): WhipCount {
  const byStance = emptyStanceCounts();
  for (const target of targets) byStance[target.stance] += 1;
  const total = targets.length;
  const supportive = byStance.champion + byStance.supportive;
  const opposed = byStance.opposed + byStance.hostile;
  const count: WhipCount = { total, byStance, supportive, opposed };
  if (winThreshold === undefined) return count;
  const needed = Math.max(0, Math.ceil(winThreshold * total - ROUNDING_SLACK));
  return {
    ...count,
    needed,
    missing: Math.max(0, needed - supportive),
    reached: total > 0 && supportive >= needed,
  };
}
