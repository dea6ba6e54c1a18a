// Closing the café day: how many volunteers helped and their hours together.
import { useId, useState, type SyntheticEvent } from 'react';
import type { VisitState } from '../../domain';
import { useT } from '../../i18n/i18n';
import { closeSession, type SessionRow } from '../../storage';
import { parseDecimal } from '../../ui/numberInput';
import { useToast } from '../../ui/toast';
import { useCommand } from '../useCommand';
import { useSession } from '../setup/session';

/** The closing form, folded away until the host opens it. */
export function CloseSessionForm({
  session,
  visits,
}: {
  session: SessionRow;
  visits: readonly VisitState[];
}) {
  const { t, tn } = useT();
  const { author } = useSession();
  const run = useCommand();
  const show = useToast((s) => s.show);
  const ids = { volunteers: useId(), hours: useId(), error: useId() };
  const [volunteers, setVolunteers] = useState('');
  const [hours, setHours] = useState('');
  const [error, setError] = useState(false);
  const notOut = visits.filter((v) => v.status !== 'checked-out').length;
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const people = /^\d{1,4}$/.test(volunteers.trim()) ? Number(volunteers) : null;
    const total = parseDecimal(hours);
    if (people === null || people > 1000 || total === null || total > 10_000) {
      setError(true);
      return;
    }
    setError(false);
    const data = { volunteers: people, volunteerHours: total };
    if (await run(() => closeSession(author, session.code, data))) show(t('cafe.close.done'));
  };
  return (
    <details className="panel cafe-close">
      <summary>
        <h2>{t('cafe.close.title')}</h2>
      </summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {notOut > 0 && <p className="notice notice-warn">{tn('cafe.close.waiting', notOut)}</p>}
        <div className="cafe-pair">
          <div className="field">
            <label htmlFor={ids.volunteers}>{t('cafe.close.volunteers')}</label>
            <input
              id={ids.volunteers}
              value={volunteers}
              inputMode="numeric"
              autoComplete="off"
              aria-invalid={error}
              aria-describedby={error ? ids.error : undefined}
              onChange={(e) => {
                setVolunteers(e.target.value);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.hours}>{t('cafe.close.hours')}</label>
            <input
              id={ids.hours}
              value={hours}
              inputMode="decimal"
              autoComplete="off"
              aria-invalid={error}
              aria-describedby={error ? ids.error : undefined}
              onChange={(e) => {
                setHours(e.target.value);
              }}
            />
          </div>
        </div>
        {error && (
          <p id={ids.error} className="message message-error" role="alert">
            {t('cafe.close.error')}
          </p>
        )}
        <button type="submit" className="btn btn-primary btn-block">
          {t('cafe.close.submit')}
        </button>
      </form>
    </details>
  );
}
