/**
 * Which indexed terms one query word matches, and how well: the word itself, terms it starts
 * (3 letters or more), terms within one typo (4 letters or more; two typos from 8), and the
 * word with the Arabic article "ال" added or dropped (whole words only: "عدال" must not find
 * "العدالة"). Each term keeps its best weight.
 */
import type { DeltaTerms } from './delta-terms';
import { boundedEditDistance } from './edit-distance';
import { ARABIC_ARTICLE } from './normalize';
import type { TermSegment } from './term-segment';

export const MATCH_WEIGHTS = {
  exact: 1,
  /** A prefix scores between these, higher when it covers more of the term. */
  prefixMin: 0.5,
  prefixMax: 0.8,
  oneTypo: 0.4,
  twoTypos: 0.25,
  /** "حداد" finding "الحداد" (and back) counts a little less than the spelling typed. */
  articleFactor: 0.9,
} as const;

export const MIN_PREFIX_LENGTH = 3;
export const MIN_FUZZY_LENGTH = 4;
export const MIN_TWO_TYPO_LENGTH = 8;
const MAX_FUZZY_LENGTH = 40;

interface WordForm {
  text: string;
  factor: number;
  /** Whether terms that start with the form match too. */
  prefix: boolean;
}

/** The word as typed, and with "ال" dropped or added when that leaves 3 letters or more. */
function formsOf(word: string): WordForm[] {
  const forms: WordForm[] = [{ text: word, factor: 1, prefix: word.length >= MIN_PREFIX_LENGTH }];
  const articleFactor = MATCH_WEIGHTS.articleFactor;
  if (word.startsWith(ARABIC_ARTICLE)) {
    if (word.length - ARABIC_ARTICLE.length >= MIN_PREFIX_LENGTH) {
      forms.push({ text: word.slice(ARABIC_ARTICLE.length), factor: articleFactor, prefix: false });
    }
  } else if (word.length >= MIN_PREFIX_LENGTH && isArabicLetter(word.charCodeAt(0))) {
    forms.push({ text: ARABIC_ARTICLE + word, factor: articleFactor, prefix: false });
  }
  return forms;
}

function isArabicLetter(code: number): boolean {
  return code >= 0x0620 && code <= 0x06ff;
}

function prefixWeight(prefixLength: number, termLength: number): number {
  const { prefixMin, prefixMax } = MATCH_WEIGHTS;
  return prefixMin + ((prefixMax - prefixMin) * prefixLength) / termLength;
}

export function maxTyposFor(word: string): number {
  if (word.length < MIN_FUZZY_LENGTH || word.length > MAX_FUZZY_LENGTH) return 0;
  return word.length >= MIN_TWO_TYPO_LENGTH ? 2 : 1;
}

export class WordMatches {
  private weights: Float32Array;
  private matched: Uint32Array;
  private matchedCount = 0;
  private readonly deltaWeights = new Map<string, number>();

  constructor(private readonly segment: TermSegment) {
    this.weights = new Float32Array(segment.termCount);
    this.matched = new Uint32Array(segment.termCount);
  }

  /** Finds the matches of `word` in the segment and in the not yet frozen terms. */
  collect(word: string, deltaTerms: Pick<DeltaTerms, 'has' | 'keys'>): void {
    const segment = this.segment;
    for (const form of formsOf(word)) {
      const exact = segment.indexOf(form.text);
      if (exact >= 0) this.offer(exact, MATCH_WEIGHTS.exact * form.factor);
      if (deltaTerms.has(form.text)) this.offerDelta(form.text, MATCH_WEIGHTS.exact * form.factor);
      if (!form.prefix) continue;
      const [from, to] = segment.prefixRange(form.text);
      for (let index = from; index < to; index += 1) {
        const term = segment.terms[index] ?? '';
        this.offer(index, prefixWeight(form.text.length, term.length) * form.factor);
      }
      for (const term of deltaTerms.keys()) {
        if (term.startsWith(form.text)) {
          this.offerDelta(term, prefixWeight(form.text.length, term.length) * form.factor);
        }
      }
    }
    const maxTypos = maxTyposFor(word);
    if (maxTypos === 0) return;
    segment.forEachNear(word, maxTypos, (index, edits) => this.offer(index, typoWeight(edits)));
    for (const term of deltaTerms.keys()) {
      if (Math.abs(term.length - word.length) > maxTypos) continue;
      const edits = boundedEditDistance(word, term, maxTypos);
      if (edits <= maxTypos) this.offerDelta(term, typoWeight(edits));
    }
  }

  /** Calls `visit` with each matched segment term and its weight, then forgets them. */
  drainSegment(visit: (index: number, weight: number) => void): void {
    for (let i = 0; i < this.matchedCount; i += 1) {
      const index = this.matched[i] ?? 0;
      visit(index, this.weights[index] ?? 0);
      this.weights[index] = 0;
    }
    this.matchedCount = 0;
  }

  /** Calls `visit` with each matched delta term and its weight, then forgets them. */
  drainDelta(visit: (term: string, weight: number) => void): void {
    for (const [term, weight] of this.deltaWeights) visit(term, weight);
    this.deltaWeights.clear();
  }

  private offer(index: number, weight: number): void {
    const previous = this.weights[index] ?? 0;
    if (weight <= previous) return;
    if (previous === 0) this.matched[this.matchedCount++] = index;
    this.weights[index] = weight;
  }

  /** Rounded as `offer` stores a segment term's weight, so a merge changes no score. */
  private offerDelta(term: string, weight: number): void {
    const rounded = Math.fround(weight);
    if (rounded > (this.deltaWeights.get(term) ?? 0)) this.deltaWeights.set(term, rounded);
  }
}

function typoWeight(edits: number): number {
  if (edits === 0) return MATCH_WEIGHTS.exact;
  return edits === 1 ? MATCH_WEIGHTS.oneTypo : MATCH_WEIGHTS.twoTypos;
}
