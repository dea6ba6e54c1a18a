// The ticket a visitor gets: the big number people call out and the QR of the ticket's code (what
// a fixer scans). Shown at once after the save; the QR is drawn a moment later. Printable: the
// print stylesheet shows this card alone.
import { formatCode } from '../../domain';
import { useT } from '../../i18n/i18n';
import type { CheckedIn } from '../../storage';
import { QrImage } from '../admin/QrImage';

/** The ticket just given. */
export function TicketCard({ ticket, onNext }: { ticket: CheckedIn; onNext: () => void }) {
  const { t } = useT();
  return (
    <section className="panel cafe-ticket" aria-labelledby="cafe-ticket-title">
      <h2 id="cafe-ticket-title" className="visually-hidden">
        {t('cafe.ticket.title')}
      </h2>
      <p className="cafe-ticket-number" aria-live="polite">
        <span className="cafe-ticket-caption">{t('cafe.ticket.number')}</span>{' '}
        <strong data-testid="ticket-number">{ticket.label}</strong>
      </p>
      <QrImage
        text={ticket.ticket}
        size={168}
        alt={t('cafe.ticket.qr', { code: formatCode(ticket.ticket) })}
      />
      <p className="code">{formatCode(ticket.ticket)}</p>
      <p className="cafe-ticket-wait">{t('cafe.ticket.wait')}</p>
      <div className="form-actions no-print">
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => {
            window.print();
          }}
        >
          🖨️ {t('cafe.ticket.print')}
        </button>
        <button type="button" className="btn btn-primary" onClick={onNext}>
          {t('cafe.ticket.next')}
        </button>
      </div>
    </section>
  );
}
