// One visit (/cafe/t/<ticket>), opened by a scanned or typed ticket: a fixer takes it to their
// table; a host sees where it stands and checks it out from the door's list.
import { ticketLabel } from '../../domain';
import { useT } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';
import { useVisit } from '../../storage';
import { useCommand } from '../useCommand';
import { useSession } from '../setup/session';
import { claimForTable, useMyTable } from './fixerState';
import { VisitCard } from './VisitCard';
import './cafe.css';

/** The visit screen. */
export function VisitScreen({ ticket }: { ticket: string }) {
  const { t } = useT();
  const { author, person } = useSession();
  const visit = useVisit(ticket);
  const table = useMyTable();
  const go = useNavigation((s) => s.go);
  const run = useCommand();
  const home = person.role === 'fixer' ? 'cafe-table' : 'cafe-door';
  if (visit === undefined || table === undefined) return <p role="status">{t('common.loading')}</p>;
  return (
    <div className="cafe-table">
      <h1>
        {visit ? t('cafe.visit.title', { label: ticketLabel(visit) }) : t('cafe.visit.unknown')}
      </h1>
      {visit ? (
        <section className="panel">
          <VisitCard visit={visit} />
          {person.role === 'fixer' && table && visit.status === 'waiting' && (
            <button
              type="button"
              className="btn btn-primary btn-large btn-block"
              onClick={() =>
                void run(async () => {
                  await claimForTable(author, visit.ticket, table);
                  go({ name: 'cafe-table' });
                })
              }
            >
              {t('cafe.visit.claim')}
            </button>
          )}
        </section>
      ) : (
        <p className="notice">{t('cafe.table.code.unknown')}</p>
      )}
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => {
          go({ name: home });
        }}
      >
        ← {t('cafe.visit.back')}
      </button>
    </div>
  );
}
