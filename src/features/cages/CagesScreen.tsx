// Cages between park and shop: closed ones waiting for the driver, per park, with how long they
// have waited; and the ones on the way. For the shop's driver and the coordinator.
import { useEffect, useState } from 'react';
import { formatCode, hlcWallMs, type CageState } from '../../domain';
import { useT } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';
import { useCagesOnTheWay } from '../../storage';
import { useSiteName } from '../setup/names';
import { FirstSyncNotice } from '../sync/PullProgress';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/** Re-renders every minute, so ages stay true on a screen left open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => {
      setNow(Date.now());
    }, 60_000);
    return () => {
      window.clearInterval(timer);
    };
  }, []);
  return now;
}

/** The list of cages waiting for pickup and on the way. */
export function CagesScreen() {
  const { t, compare } = useT();
  const cages = useCagesOnTheWay();
  const siteName = useSiteName();
  if (cages === undefined) return <p role="status">{t('common.loading')}</p>;
  const waiting = cages.filter((c) => c.status === 'closed');
  const onTheWay = cages.filter((c) => c.status === 'collected');
  const parks = [...new Set(waiting.map((c) => c.site ?? ''))].sort((a, b) =>
    compare(siteName(a), siteName(b)),
  );
  return (
    <>
      <h1>{t('cages.title')}</h1>
      <FirstSyncNotice />
      <h2>{t('cages.waiting')}</h2>
      {waiting.length === 0 && <p className="hint">{t('cages.waiting.none')}</p>}
      {parks.map((park) => (
        <section key={park} aria-label={siteName(park)}>
          <h3>{siteName(park)}</h3>
          <CageRows cages={waiting.filter((c) => (c.site ?? '') === park)} since="closed" />
        </section>
      ))}
      <h2>{t('cages.on-the-way')}</h2>
      {onTheWay.length === 0 ? (
        <p className="hint">{t('cages.on-the-way.none')}</p>
      ) : (
        <CageRows cages={onTheWay} since="collected" />
      )}
    </>
  );
}

function CageRows({ cages, since }: { cages: CageState[]; since: 'closed' | 'collected' }) {
  const { tn } = useT();
  const go = useNavigation((s) => s.go);
  const siteName = useSiteName();
  const now = useNow();
  return (
    <ul className="item-list panel">
      {cages.map((cage) => {
        const at = since === 'closed' ? cage.closedAt : cage.collectedAt;
        const age = at ? Math.max(0, now - hlcWallMs(at)) : 0;
        const days = Math.floor(age / DAY_MS);
        return (
          <li key={cage.code} data-code={cage.code}>
            <button
              type="button"
              className="row-button"
              onClick={() => {
                go({ name: 'cage', code: cage.code });
              }}
            >
              <span className="code">{formatCode(cage.code)}</span>
              <span>
                {since === 'collected' && `${siteName(cage.site)} · `}
                {tn('cage.items', cage.closedCount ?? 0)}
              </span>
              <span className={days >= 3 ? 'badge badge-old' : 'badge'}>
                {days > 0
                  ? tn(`cages.age.${since}.days`, days)
                  : tn(`cages.age.${since}.hours`, Math.floor(age / HOUR_MS))}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
