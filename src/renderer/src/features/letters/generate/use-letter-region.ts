import { useState } from 'react';
import { regionOfTag, type ArabicRegion } from '@core/domain/arabic-region';
import { letterLanguage } from '@core/letters';

export interface LetterRegionChoice {
  /** Whether the dialog offers a region: only Arabic letters have one. */
  shown: boolean;
  /** The region the letters are written for. */
  region: ArabicRegion;
  /** The template's language tag names a region ("ar-MA"), which its letters always keep. */
  fixedByTemplate: boolean;
  /** What the job carries: the region for Arabic letters, nothing for English ones. */
  jobRegion: ArabicRegion | undefined;
}

/**
 * The Arabic region of a batch: the template's own (its tag) if it names one, else the one
 * chosen in the dialog, else the workspace's setting.
 */
export function letterRegionChoice(
  templateLanguage: string | undefined,
  workspaceRegion: ArabicRegion,
  chosen: ArabicRegion | null,
): LetterRegionChoice {
  const shown = templateLanguage !== undefined && letterLanguage(templateLanguage) === 'ar';
  const tagged = regionOfTag(templateLanguage);
  const region = tagged ?? chosen ?? workspaceRegion;
  return {
    shown,
    region,
    fixedByTemplate: tagged !== undefined,
    jobRegion: shown ? region : undefined,
  };
}

/** The generate dialog's region selector: the workspace's region until the user picks one. */
export function useLetterRegion(
  templateLanguage: string | undefined,
  workspaceRegion: ArabicRegion,
) {
  const [chosen, setChosen] = useState<ArabicRegion | null>(null);
  return { ...letterRegionChoice(templateLanguage, workspaceRegion, chosen), choose: setChosen };
}
