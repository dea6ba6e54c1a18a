// One visit as a fixer or host sees it: the number, what it is, the visitor's words for the fault.
import { formatCode, ticketLabel, type VisitState } from '../../domain';
import { useT } from '../../i18n/i18n';
import { kindName, statusText } from './cafeWords';

/** The visit's facts. */
export function VisitCard({ visit }: { visit: VisitState }) {
  const { t, tn, lang } = useT();
  return (
    <div className="cafe-visit-card">
      <p className="cafe-current-number">{ticketLabel(visit)}</p>
      <p>
        <strong>{kindName(t, lang, visit)}</strong>
        {[visit.brand, visit.model].filter(Boolean).length > 0 &&
          ` · ${[visit.brand, visit.model].filter(Boolean).join(' ')}`}
        {visit.ageYears !== null && ` · ${tn('cafe.visit.age', visit.ageYears)}`}
      </p>
      <p>
        <span className="muted">{t('cafe.visit.problem')}:</span> “{visit.problem}”
      </p>
      <p className={`cafe-status cafe-status-${visit.status}`}>{statusText(t, visit)}</p>
      <p className="muted code">{formatCode(visit.ticket)}</p>
    </div>
  );
}
