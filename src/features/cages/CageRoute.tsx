// /kooi/<code>: the park's cage card on a park tablet, the handover and unpacking screen on a
// shop device, and the same read-only for the coordinator.
import { useSession } from '../setup/session';
import { CageScreen } from './CageScreen';
import { ShopCageScreen } from './ShopCageScreen';

/** Chooses the cage screen for this kind of device. */
export function CageRoute({ code }: { code: string }) {
  const { profile } = useSession();
  if (profile.siteKind === 'park') return <CageScreen code={code} />;
  return <ShopCageScreen code={code} canAct={profile.siteKind === 'shop'} />;
}
