// "Cafédag openen": the day's date (today), where, and the tables with their skill. Sane defaults,
// so a host opens the day with one tap and changes only what differs.
import { useId, useState, type SyntheticEvent } from 'react';
import { CAFE_SKILLS, type CafeSkill } from '../../domain';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { localDay, openSession, type SessionOpening } from '../../storage';
import { useCommand } from '../useCommand';
import { useSession } from '../setup/session';
import { skillName } from './cafeWords';

type TableDraft = { name: string; skill: CafeSkill };

function defaultTables(t: (key: MessageKey, p?: Record<string, number>) => string): TableDraft[] {
  return [
    { name: t('cafe.open.table.default', { n: 1 }), skill: 'electric' },
    { name: t('cafe.open.table.default', { n: 2 }), skill: 'electronics' },
    { name: t('cafe.open.table.default', { n: 3 }), skill: 'computers' },
    { name: t('cafe.open.table.sewing'), skill: 'textile' },
  ];
}

/** The form that opens a café day. */
export function OpenSessionForm() {
  const { t } = useT();
  const { author } = useSession();
  const run = useCommand();
  const ids = { date: useId(), venue: useId(), error: useId() };
  const [date, setDate] = useState(() => localDay(Date.now()));
  const [venue, setVenue] = useState('');
  const [tables, setTables] = useState<TableDraft[]>(() => defaultTables(t));
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (n: number, patch: Partial<TableDraft>) => {
    setTables((list) => list.map((table, i) => (i === n ? { ...table, ...patch } : table)));
  };
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const named = tables.map((table) => ({ ...table, name: table.name.trim() }));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      setError('cafe.open.error.date');
      return;
    }
    if (named.length === 0 || named.some((table) => !table.name)) {
      setError('cafe.open.error.tables');
      return;
    }
    setError(null);
    setBusy(true);
    const data: SessionOpening = {
      date,
      tables: named,
      ...(venue.trim() ? { venue: venue.trim() } : {}),
    };
    // No message: the door's check-in form replacing this one says it.
    await run(() => openSession(author, data));
    setBusy(false);
  };

  return (
    <section className="panel cafe-open" aria-labelledby="cafe-open-title">
      <h1 id="cafe-open-title">{t('cafe.open.title')}</h1>
      <p>{t('cafe.open.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-columns">
          <div className="field">
            <label htmlFor={ids.date}>{t('cafe.open.date')}</label>
            <input
              id={ids.date}
              type="date"
              value={date}
              required
              aria-invalid={error === 'cafe.open.error.date'}
              onChange={(e) => {
                setDate(e.target.value);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.venue}>{t('cafe.open.venue')}</label>
            <input
              id={ids.venue}
              value={venue}
              maxLength={200}
              autoComplete="off"
              onChange={(e) => {
                setVenue(e.target.value);
              }}
            />
          </div>
        </div>
        <fieldset className="field">
          <legend>{t('cafe.open.tables')}</legend>
          <ol className="cafe-table-rows">
            {tables.map((table, n) => (
              <li key={n} className="input-row">
                <input
                  aria-label={t('cafe.open.table.name', { n: n + 1 })}
                  value={table.name}
                  maxLength={60}
                  autoComplete="off"
                  aria-invalid={error === 'cafe.open.error.tables' && !table.name.trim()}
                  onChange={(e) => {
                    change(n, { name: e.target.value });
                  }}
                />
                <select
                  aria-label={t('cafe.open.table.skill', { n: n + 1 })}
                  value={table.skill}
                  onChange={(e) => {
                    change(n, { skill: e.target.value as CafeSkill });
                  }}
                >
                  {CAFE_SKILLS.map((skill) => (
                    <option key={skill} value={skill}>
                      {skillName(t, skill)}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  aria-label={t('cafe.open.table.remove', { n: n + 1 })}
                  onClick={() => {
                    setTables((list) => list.filter((_, i) => i !== n));
                  }}
                >
                  ✕
                </button>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => {
              setTables((list) => [
                ...list,
                { name: t('cafe.open.table.default', { n: list.length + 1 }), skill: 'other' },
              ]);
            }}
          >
            + {t('cafe.open.table.add')}
          </button>
        </fieldset>
        {error && (
          <p id={ids.error} className="message message-error" role="alert">
            {t(error)}
          </p>
        )}
        <button type="submit" className="btn btn-primary btn-large btn-block" disabled={busy}>
          {t('cafe.open.submit')}
        </button>
      </form>
    </section>
  );
}
