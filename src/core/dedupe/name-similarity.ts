import { boundedEditDistance } from '../search/edit-distance';
import { nameSkeleton } from './contact-keys';

/** A name's normalized words (see `nameTokens`) and their skeletons (`nameSkeleton`). */
export interface NameWords {
  name: readonly string[];
  skeletons: readonly string[];
}

export function nameWords(name: readonly string[]): NameWords {
  return { name, skeletons: name.map(nameSkeleton) };
}

/** How alike two name words are, 0 to 1. */
function wordSimilarity(a: string, b: string, skeletonA: string, skeletonB: string): number {
  if (a === b) return 1;
  if (skeletonA === skeletonB) return 0.9;
  const shorter = Math.min(a.length, b.length);
  const allowed = shorter >= 8 ? 2 : shorter >= 4 ? 1 : 0;
  if (allowed === 0) return 0;
  const distance = boundedEditDistance(a, b, allowed);
  return distance > allowed ? 0 : 1 - 0.12 * distance;
}

/** Best-first greedy pairing of the words of two names; each word is used once. */
function pairedWords(a: NameWords, b: NameWords): number {
  if (a.name.length === 2 && b.name.length === 2) return pairedTwoWords(a, b);
  const scores: { i: number; j: number; score: number }[] = [];
  a.name.forEach((wordA, i) =>
    b.name.forEach((wordB, j) => {
      const score = wordSimilarity(wordA, wordB, a.skeletons[i] ?? '', b.skeletons[j] ?? '');
      if (score > 0) scores.push({ i, j, score });
    }),
  );
  scores.sort((x, y) => y.score - x.score);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let total = 0;
  for (const { i, j, score } of scores) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    total += score;
  }
  return total;
}

/** The common case, given and family name on both sides, without allocating. */
function pairedTwoWords(a: NameWords, b: NameWords): number {
  const similarity = (i: number, j: number) =>
    wordSimilarity(a.name[i] ?? '', b.name[j] ?? '', a.skeletons[i] ?? '', b.skeletons[j] ?? '');
  return Math.max(similarity(0, 0) + similarity(1, 1), similarity(0, 1) + similarity(1, 0));
}

/** A name written as one word on one side and two on the other: "عبد الله" / "عبدالله". */
function joinedSimilarity(a: readonly string[], b: readonly string[]): number {
  const joinedA = a.join('');
  const joinedB = b.join('');
  if (joinedA === joinedB || [...a].reverse().join('') === joinedB) return 0.95;
  return 0;
}

/**
 * How alike two names are, 0 to 1, from their normalized words (see `nameTokens`): the
 * order of the words does not matter (given and family names swapped), spelling variants and
 * one typo per word (two in long words) count nearly as equal; words only one side has count
 * against. A one-word name can never reach 1: a given name alone says little.
 */
export function nameSimilarity(a: NameWords, b: NameWords): number {
  if (a.name.length === 0 || b.name.length === 0) return 0;
  const words = Math.max(a.name.length, b.name.length);
  const paired = pairedWords(a, b) / words;
  if (paired === 1) return words === 1 ? 0.8 : 1;
  const score = Math.max(paired, joinedSimilarity(a.name, b.name));
  return words === 1 ? score * 0.8 : score;
}
