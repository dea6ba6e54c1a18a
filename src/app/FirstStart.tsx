// The first screen of a browser without a device profile: a new device's enrollment (or a
// coordinator's sign-in), or the public card a shopper's phone opens from a label. It loads none
// of the device's storage, sync or work screens; once a profile is stored, the whole app is
// loaded and takes over.
import { lazy, Suspense } from 'react';
import { PublicItemScreen } from '../features/public/PublicItemScreen';
import { EnrollScreen } from '../features/setup/EnrollScreen';
import { useEnrolledNow } from '../features/setup/enrolledNow';
import { useT } from '../i18n/i18n';
import { useNavigation } from '../state/navigation';
import { ToastHost } from '../ui/toast';
import { UpdatePrompt } from '../ui/UpdatePrompt';

const WholeApp = lazy(() =>
  import('./startApp').then(async (m) => ({ default: await m.startApp() })),
);

/** The root for a browser that is not (yet) a Bewaar device. */
export function FirstStart() {
  const { t } = useT();
  const route = useNavigation((s) => s.route);
  const enrolled = useEnrolledNow((s) => s.enrolled);
  if (enrolled) {
    return (
      <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
        <WholeApp />
      </Suspense>
    );
  }
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skip')}
      </a>
      <UpdatePrompt />
      {route.name === 'item' ? <PublicItemScreen code={route.code} /> : <EnrollScreen />}
      <ToastHost />
    </>
  );
}
