// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import {
  letterRegionChoice,
  useLetterRegion,
} from '@renderer/features/letters/generate/use-letter-region';
import { renderHook } from '../../../../../helpers/render-hook';

describe('letterRegionChoice', () => {
  it('offers a region for Arabic letters only, the workspace’s until one is chosen', () => {
    expect(letterRegionChoice('en', 'levant-iraq', null)).toEqual({
      shown: false,
      region: 'levant-iraq',
      fixedByTemplate: false,
      jobRegion: undefined,
    });
    // A choice made for Arabic letters does not follow an English template into its job.
    expect(letterRegionChoice('en-US', 'egypt-gulf', 'morocco').jobRegion).toBeUndefined();
    expect(letterRegionChoice(undefined, 'egypt-gulf', null).shown).toBe(false);
    expect(letterRegionChoice('ar', 'egypt-gulf', null)).toEqual({
      shown: true,
      region: 'egypt-gulf',
      fixedByTemplate: false,
      jobRegion: 'egypt-gulf',
    });
    expect(letterRegionChoice('ar', 'egypt-gulf', 'levant-iraq').jobRegion).toBe('levant-iraq');
  });

  it('keeps the region a template’s language tag names, whatever the choice', () => {
    expect(letterRegionChoice('ar-MA', 'egypt-gulf', 'levant-iraq')).toEqual({
      shown: true,
      region: 'morocco',
      fixedByTemplate: true,
      jobRegion: 'morocco',
    });
    // "ar" with a tag naming no known region leaves the choice open.
    expect(letterRegionChoice('ar-001', 'tunisia-algeria', null)).toMatchObject({
      region: 'tunisia-algeria',
      fixedByTemplate: false,
    });
  });
});

describe('useLetterRegion', () => {
  it('starts on the workspace’s region and takes the one the user picks', () => {
    const hook = renderHook(() => useLetterRegion('ar', 'egypt-gulf'));
    expect(hook.result.current.region).toBe('egypt-gulf');
    act(() => hook.result.current.choose('levant-iraq'));
    expect(hook.result.current).toMatchObject({ region: 'levant-iraq', jobRegion: 'levant-iraq' });
    hook.unmount();
  });
});
