// The door's list of the day's visits, newest first, with where each stands (waiting, at Tafel 2,
// fixed …, out) and its check-out, with a weight if the host weighs it.
import { useId, useState, type SyntheticEvent } from 'react';
import { formatCode, ticketLabel, type VisitState } from '../../domain';
import { useT } from '../../i18n/i18n';
import { checkOut } from '../../storage';
import { parseDecimal } from '../../ui/numberInput';
import { useToast } from '../../ui/toast';
import { useCommand } from '../useCommand';
import { useSession } from '../setup/session';
import { kindName, statusText } from './cafeWords';

/** The list of this session's visits. */
export function DoorVisits({ visits }: { visits: readonly VisitState[] }) {
  const { t, tn, lang } = useT();
  const [open, setOpen] = useState<string | null>(null);
  const newestFirst = [...visits].reverse();
  return (
    <section className="panel" aria-labelledby="cafe-visits-title">
      <h2 id="cafe-visits-title">
        {t('cafe.visits.title')}{' '}
        <span className="muted">({tn('cafe.visits.count', visits.length)})</span>
      </h2>
      {visits.length === 0 ? (
        <p className="hint">{t('cafe.visits.none')}</p>
      ) : (
        <ul className="item-list cafe-visits">
          {newestFirst.map((visit) => (
            <li key={visit.ticket} data-ticket={visit.ticket}>
              <div className="cafe-visit-row">
                <span className="cafe-visit-number">{ticketLabel(visit)}</span>
                <span className="cafe-visit-what">
                  {kindName(t, lang, visit)}
                  {visit.brand ? ` · ${visit.brand}` : ''}
                  <br />
                  <span className={`cafe-status cafe-status-${visit.status}`}>
                    {statusText(t, visit)}
                  </span>
                </span>
                {visit.status !== 'checked-out' && open !== visit.ticket && (
                  <button
                    type="button"
                    className="btn btn-secondary btn-small"
                    aria-label={t('cafe.visits.checkout.title', { label: ticketLabel(visit) })}
                    onClick={() => {
                      setOpen(visit.ticket);
                    }}
                  >
                    {t('cafe.visits.checkout')}
                  </button>
                )}
              </div>
              {open === visit.ticket && (
                <CheckOutForm
                  visit={visit}
                  onDone={() => {
                    setOpen(null);
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CheckOutForm({ visit, onDone }: { visit: VisitState; onDone: () => void }) {
  const { t } = useT();
  const { author } = useSession();
  const run = useCommand();
  const show = useToast((s) => s.show);
  const ids = { weight: useId(), error: useId() };
  const [weight, setWeight] = useState('');
  const [error, setError] = useState(false);
  const label = ticketLabel(visit);
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const kg = weight.trim() ? parseDecimal(weight) : null;
    if (weight.trim() && (kg === null || kg <= 0 || kg > 1000)) {
      setError(true);
      return;
    }
    if (await run(() => checkOut(author, visit.ticket, kg))) {
      show(t('cafe.visits.checkout.done', { label }));
      onDone();
    }
  };
  return (
    <form
      className="cafe-checkout"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t('cafe.visits.checkout.title', { label })}
    >
      <p className="muted code">{formatCode(visit.ticket)}</p>
      <div className="field">
        <label htmlFor={ids.weight}>{t('cafe.visits.weight')}</label>
        <input
          id={ids.weight}
          value={weight}
          inputMode="decimal"
          autoComplete="off"
          aria-invalid={error}
          aria-describedby={error ? ids.error : undefined}
          onChange={(e) => {
            setWeight(e.target.value);
          }}
        />
      </div>
      {error && (
        <p id={ids.error} className="message message-error" role="alert">
          {t('cafe.visits.checkout.error')}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary">
          {t('cafe.visits.checkout.submit')}
        </button>
      </div>
    </form>
  );
}
