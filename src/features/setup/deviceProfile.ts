// The device's identity until enrollment exists: a park name and a local roster, typed in once.
// This is the one module enrollment replaces; everything else asks it "who is writing, where".
import { v4 as uuidv4 } from 'uuid';
import type { Author } from '../../storage';
import { deleteMeta, readMeta, useMeta, writeMeta } from '../../storage';

export interface Person {
  id: string;
  name: string;
}

export interface DeviceProfile {
  deviceId: string;
  /** 16 hex symbols: this device's node id in the hybrid logical clock. */
  node: string;
  siteId: string;
  siteName: string;
  siteKind: 'park';
  roster: Person[];
}

const PROFILE = 'deviceProfile';
const PERSON = 'currentPerson';

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

/** Sets the device up for a park with the names on its roster (trimmed, empty lines dropped). */
export async function setUpDevice(
  siteName: string,
  names: readonly string[],
): Promise<DeviceProfile> {
  const roster = [...new Set(names.map((n) => n.trim()).filter(Boolean))].map((name) => ({
    id: uuidv4(),
    name,
  }));
  const profile: DeviceProfile = {
    deviceId: uuidv4(),
    node: randomHex(8),
    siteId: uuidv4(),
    siteName: siteName.trim(),
    siteKind: 'park',
    roster,
  };
  await writeMeta(PROFILE, profile);
  return profile;
}

/** Adds a name to the roster (a new colleague) and returns the person. */
export async function addToRoster(name: string): Promise<Person> {
  const profile = (await readMeta(PROFILE)) as DeviceProfile | undefined;
  if (!profile) throw new Error('device not set up');
  const person = { id: uuidv4(), name: name.trim() };
  await writeMeta(PROFILE, { ...profile, roster: [...profile.roster, person] });
  return person;
}

/** The device profile; `undefined` while loading, `null` before set-up. */
export function useDeviceProfile(): DeviceProfile | null | undefined {
  return useMeta(PROFILE) as DeviceProfile | null | undefined;
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
