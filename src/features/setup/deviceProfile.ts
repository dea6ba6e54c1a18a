// The device's identity, given by the server at enrollment (or, for the coordinator, at sign-in):
// its token, site and roster. Everything else asks this module who is writing where.
import type { Author } from '../../storage';
import { deleteMeta, primeMeta, PULL_CURSOR, updateMeta, useMeta, writeMeta } from '../../storage';
import {
  createApi,
  type Enrollment,
  type Person,
  type Region,
  type SignedIn,
} from '../../sync/api';

export type { Person, Region };

export interface DeviceProfile {
  deviceId: string;
  deviceName: string;
  /** 16 hex symbols: this device's node id in the hybrid logical clock. */
  node: string;
  token: string;
  siteId: string;
  siteName: string;
  siteKind: 'park' | 'shop' | 'office' | 'cafe';
  tenantId: string;
  tenantName: string;
  roster: Person[];
  /** A signed-in person's regions (the office): those they may switch to. */
  regions?: Region[];
  /** Names of every person and site of the region, for histories written elsewhere; and which
   * sites are parks and which are shops (for the coordinator's filters). */
  directory?: {
    people: Record<string, string>;
    sites: Record<string, string>;
    kinds?: Record<string, string>;
    /** A café's ORDS group name (from a server that sends it). */
    ordsGroups?: Record<string, string>;
    /** Enrolled devices' names (absent from a server that does not send them). */
    devices?: Record<string, string>;
  };
}

const PROFILE = 'deviceProfile';
const PERSON = 'currentPerson';

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

/** A signed-in person's region and regions as the server says now (a rename, a new grant). */
export async function refreshOffice(session: { tenant: Region; regions: Region[] }): Promise<void> {
  await updateMeta<DeviceProfile>(PROFILE, (profile) =>
    profile.siteKind !== 'office' || profile.tenantId !== session.tenant.id
      ? undefined
      : {
          ...profile,
          tenantName: session.tenant.name,
          siteName: session.tenant.name,
          regions: session.regions,
        },
  );
}

/** The profile an enrollment answer gives this device. */
export function profileFromEnrollment(enrollment: Enrollment, node: string): DeviceProfile {
  return {
    deviceId: enrollment.device.id,
    deviceName: enrollment.device.name,
    node,
    token: enrollment.token,
    siteId: enrollment.site.id,
    siteName: enrollment.site.name,
    siteKind: enrollment.site.kind,
    tenantId: enrollment.tenant.id,
    tenantName: enrollment.tenant.name,
    roster: enrollment.people,
  };
}

/** Enrolls this device with a code from the coordinator (QR or typed). */
export async function enrollDevice(code: string, name: string): Promise<DeviceProfile> {
  const enrollment = await createApi().enroll(code.trim(), name.trim());
  const profile = profileFromEnrollment(enrollment, randomHex(8));
  // A new identity pulls its region from the start, whatever cursor an earlier one left.
  await deleteMeta(PULL_CURSOR);
  await writeMeta(PROFILE, profile);
  return profile;
}

/** Makes this browser the signed-in person's office for the session's region. */
export async function startOfficeSession(session: SignedIn): Promise<DeviceProfile> {
  const profile: DeviceProfile = {
    deviceId: crypto.randomUUID(),
    deviceName: 'coordinator',
    node: randomHex(8),
    token: session.token,
    siteId: '',
    siteName: session.tenant.name,
    siteKind: 'office',
    tenantId: session.tenant.id,
    tenantName: session.tenant.name,
    roster: [session.person],
    regions: session.regions,
  };
  await deleteMeta(PULL_CURSOR);
  await writeMeta(PROFILE, profile);
  await writeMeta(PERSON, session.person.id);
  return profile;
}

/** Signs a coordinator or admin in on this browser (a laptop in the office). */
export async function signInCoordinator(
  username: string,
  password: string,
): Promise<DeviceProfile> {
  return startOfficeSession(await createApi().session(username, password));
}

/** The same person signed in again after their session ended: the new token, nothing else
 * changes — what this browser still has to send stays and goes with the new token. */
export async function renewSession(profile: DeviceProfile, session: SignedIn): Promise<void> {
  // The stored profile, not the one this screen rendered: a refresh may have changed it since.
  await updateMeta<DeviceProfile>(PROFILE, (stored) =>
    stored.deviceId === profile.deviceId
      ? { ...stored, token: session.token, regions: session.regions }
      : undefined,
  );
}

/** Takes the server's current sites and rosters: this site's roster (people added or removed
 * since) and the names of everyone in the region. */
export async function refreshDirectory(
  sites: readonly {
    id: string;
    name: string;
    kind: string;
    ordsGroup?: string | null;
    people: Person[];
  }[],
  names?: { people: Record<string, string>; devices: Record<string, string> },
): Promise<void> {
  // Everyone of the region (switched off too), then those on rosters as the rosters say.
  const people: Record<string, string> = { ...names?.people };
  const siteNames: Record<string, string> = {};
  const kinds: Record<string, string> = {};
  const ordsGroups: Record<string, string> = {};
  for (const site of sites) {
    siteNames[site.id] = site.name;
    kinds[site.id] = site.kind;
    if (site.ordsGroup) ordsGroups[site.id] = site.ordsGroup;
    for (const person of site.people) people[person.id] = person.name;
  }
  await updateMeta<DeviceProfile>(PROFILE, (profile) => ({
    ...profile,
    roster: sites.find((s) => s.id === profile.siteId)?.people ?? profile.roster,
    directory: {
      people,
      sites: siteNames,
      kinds,
      ordsGroups,
      ...(names ? { devices: { ...names.devices } } : {}),
    },
  }));
}

/** The device profile; `undefined` while loading, `null` before enrollment. */
export function useDeviceProfile(): DeviceProfile | null | undefined {
  return useMeta(PROFILE) as DeviceProfile | null | undefined;
}

/** Reads the profile and the current person before the first render (see primeMeta). */
export function primeDeviceProfile(): Promise<void> {
  return primeMeta([PROFILE, PERSON]);
}

/** The id of the person using the device now, or `null`. */
export function useCurrentPersonId(): string | null | undefined {
  return useMeta(PERSON) as string | null | undefined;
}

/** Records who uses the device from now on. */
export async function choosePerson(id: string): Promise<void> {
  await writeMeta(PERSON, id);
}

/** Hands the device to the next person (they pick their name again). */
export async function leavePerson(): Promise<void> {
  await deleteMeta(PERSON);
}

/** The envelope author for events written now on this device. */
export function authorOf(profile: DeviceProfile, personId: string): Author {
  return { device: profile.deviceId, actor: personId, site: profile.siteId, node: profile.node };
}
