// The admin forms' own checks and the server's refusals in words: what a person sees before and
// after the server answered.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../sync/api';
import {
  charactersMissing,
  defaultSiteFor,
  passwordError,
  passwordStrength,
  regionError,
  regionNameProblem,
  retentionDays,
} from './formChecks';
import { mayOpenSection, sectionsFor } from './sections';

describe('passwordStrength', () => {
  it('goes by length, from the server’s minimum of 10', () => {
    expect(passwordStrength('')).toBe('too-short');
    expect(passwordStrength('123456789')).toBe('too-short');
    expect(passwordStrength('1234567890')).toBe('enough');
    expect(passwordStrength('a'.repeat(13))).toBe('enough');
    expect(passwordStrength('a'.repeat(14))).toBe('good');
    expect(passwordStrength('een fiets in de regen')).toBe('strong');
  });

  it('counts what is still missing', () => {
    expect(charactersMissing('')).toBe(10);
    expect(charactersMissing('geheim')).toBe(4);
    expect(charactersMissing('lang genoeg nu')).toBe(0);
  });
});

describe('a café in Beheer', () => {
  it('takes a retention period of whole days 1–365; empty is the default', () => {
    expect(retentionDays('')).toBe('default');
    expect(retentionDays(' 90 ')).toBe(90);
    expect(retentionDays('365')).toBe(365);
    for (const bad of ['0', '366', '30,5', '-1', 'drie', '1e2'])
      expect(retentionDays(bad)).toBeNull();
  });

  it('places a host, fixer or organiser at a café by default', () => {
    const sites = [
      { id: 'park', kind: 'park' as const },
      { id: 'cafe', kind: 'cafe' as const },
    ];
    expect(defaultSiteFor('host', sites)).toBe('cafe');
    expect(defaultSiteFor('fixer', sites)).toBe('cafe');
    expect(defaultSiteFor('organiser', sites)).toBe('cafe');
    expect(defaultSiteFor('attendant', sites)).toBe('park');
  });
});

describe('regionNameProblem', () => {
  const regions = [
    { id: 'a', name: 'Regio Brugge' },
    { id: 'b', name: 'Regio Oost' },
  ];

  it('wants a name', () => {
    expect(regionNameProblem('', regions)).toBe('admin.regions.error.name');
    expect(regionNameProblem('   ', regions)).toBe('admin.regions.error.name');
  });

  it('refuses a name already in use, whatever its case or spaces', () => {
    expect(regionNameProblem(' regio OOST ', regions)).toBe('admin.regions.error.taken');
    expect(regionNameProblem('Regio West', regions)).toBeNull();
  });

  it('lets a region keep its own name when renamed', () => {
    expect(regionNameProblem('regio oost', regions, 'b')).toBeNull();
    expect(regionNameProblem('Regio Brugge', regions, 'b')).toBe('admin.regions.error.taken');
  });
});

describe('refusals in words', () => {
  it('says which region change went wrong', () => {
    expect(regionError(new ApiError(409, 'conflict', ''), 'name')).toBe(
      'admin.regions.error.taken',
    );
    expect(regionError(new ApiError(404, 'not-found', ''), 'grant')).toBe(
      'admin.regions.error.username',
    );
    expect(regionError(new ApiError(400, 'bad-request', ''), 'withdraw')).toBe(
      'admin.regions.error.self',
    );
    expect(regionError(new ApiError(403, 'forbidden', ''), 'grant')).toBe('admin.error.forbidden');
    expect(regionError(new TypeError('fetch failed'), 'name')).toBe('admin.error.offline');
  });

  it('says why a new password was refused', () => {
    expect(passwordError(new ApiError(400, 'password-too-short', ''))).toBe(
      'admin.password.error.short',
    );
    expect(passwordError(new ApiError(404, 'not-found', ''))).toBe(
      'admin.password.error.not-found',
    );
    expect(passwordError(new ApiError(403, 'forbidden', ''))).toBe('admin.error.forbidden');
  });
});

describe('sections', () => {
  it('shows Regio’s to admins only', () => {
    expect(sectionsFor('admin')).toContain('regions');
    expect(sectionsFor('coordinator')).not.toContain('regions');
    expect(sectionsFor('coordinator')).toContain('people');
    expect(mayOpenSection('regions', 'coordinator')).toBe(false);
    expect(mayOpenSection('audit', 'coordinator')).toBe(true);
  });
});
