// Tells the first screen of a device without a profile (src/app/FirstStart.tsx) that this device
// has one now — enrolled, or a coordinator signed in — so the whole app is loaded.
import { create } from '../../state/store';

export const useEnrolledNow = create<{ enrolled: boolean }>(() => ({ enrolled: false }));

/** Called once a profile is stored. */
export function markEnrolled(): void {
  useEnrolledNow.setState({ enrolled: true });
}
