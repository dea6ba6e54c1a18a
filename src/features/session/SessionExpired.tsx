// A coordinator's session ended (12 idle hours, 30 days, a new password, or signed out
// elsewhere): the same person signs in again here, and what this browser has not sent yet stays
// and goes with the new token.
import { useT } from '../../i18n/i18n';
import { createApi, type SignedIn } from '../../sync/api';
import { renewSession } from '../setup/deviceProfile';
import { useSession } from '../setup/session';
import { OTHER_PERSON } from './officeSession';
import { SignInForm } from './SignInForm';

/** The sign-in-again panel shown on every screen while the session is over. */
export function SessionExpired() {
  const { t } = useT();
  const { profile, person } = useSession();
  const renew = async (session: SignedIn) => {
    if (session.person.id !== person.id) throw new Error(OTHER_PERSON);
    // Back into the region this browser holds, if the sign-in opened another.
    const here =
      session.tenant.id === profile.tenantId
        ? session
        : await createApi({ token: session.token }).switchRegion(profile.tenantId);
    await renewSession(profile, here);
  };
  return (
    <section className="panel session-expired" role="alert" aria-labelledby="expired-title">
      <h2 id="expired-title">{t('session.expired.title')}</h2>
      <p>{t('session.expired.help', { name: person.name })}</p>
      <SignInForm
        chooseRegion={false}
        submitLabel={t('session.expired.submit')}
        onSignedIn={renew}
      />
    </section>
  );
}
