// Opening a café day from the laptop: the café, the date, the hall, and its tables with their
// skill. What is wrong is said before anything is written.
import { useState, type SyntheticEvent } from 'react';
import { CAFE_SKILLS, type CafeSkill } from '../../domain';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { localDay } from '../../storage';
import { TextField } from '../../ui/TextField';
import { useSession } from '../setup/session';
import { useCommand } from '../useCommand';
import { openCafeSession } from './cafeData';
import type { CafeSite } from './cafeSites';

interface TableDraft {
  name: string;
  skill: CafeSkill;
}

/** The "open a new café day" form. */
export function NewSessionForm({
  cafes,
  preferred,
  onOpened,
}: {
  cafes: readonly CafeSite[];
  preferred: string;
  onOpened: (code: string) => void;
}) {
  const { t } = useT();
  const { author } = useSession();
  const run = useCommand();
  const [picked, setPicked] = useState<string | null>(null);
  const cafe = picked ?? (preferred || (cafes[0]?.id ?? ''));
  const [date, setDate] = useState(() => localDay(Date.now()));
  const [venue, setVenue] = useState('');
  const [tables, setTables] = useState<TableDraft[]>([{ name: 'Tafel 1', skill: 'electric' }]);
  const [error, setError] = useState<MessageKey | null>(null);
  const setTable = (i: number, change: Partial<TableDraft>) => {
    setTables((list) => list.map((table, j) => (j === i ? { ...table, ...change } : table)));
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const problem: MessageKey | null = !cafe
      ? 'cafe.office.new.error.cafe'
      : !/^\d{4}-\d{2}-\d{2}$/.test(date)
        ? 'cafe.office.new.error.date'
        : tables.length === 0 || tables.some((table) => !table.name.trim())
          ? 'cafe.office.new.error.tables'
          : null;
    setError(problem);
    if (problem) return;
    const data = {
      date,
      ...(venue.trim() ? { venue: venue.trim() } : {}),
      tables: tables.map((table) => ({ name: table.name.trim(), skill: table.skill })),
    };
    void run(async () => {
      onOpened(await openCafeSession(author, cafe, data));
    });
  };
  return (
    <form className="panel new-session" onSubmit={submit} noValidate>
      <h2>{t('cafe.office.new.title')}</h2>
      {cafes.length > 1 && (
        <div className="field">
          <label htmlFor="new-session-cafe">{t('cafe.office.cafe')}</label>
          <select
            id="new-session-cafe"
            value={cafe}
            onChange={(e) => {
              setPicked(e.target.value);
            }}
          >
            {cafes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <TextField
        label={t('cafe.office.new.date')}
        type="date"
        value={date}
        onChange={setDate}
        required
      />
      <TextField
        label={t('cafe.office.new.venue')}
        value={venue}
        onChange={setVenue}
        maxLength={200}
      />
      <fieldset className="session-tables">
        <legend>{t('cafe.office.new.tables')}</legend>
        {tables.map((table, i) => (
          <div key={i} className="session-table-row">
            <TextField
              label={t('cafe.office.new.table.name', { n: i + 1 })}
              value={table.name}
              onChange={(name) => {
                setTable(i, { name });
              }}
              maxLength={60}
            />
            <div className="field">
              <label htmlFor={`table-skill-${String(i)}`}>
                {t('cafe.office.new.table.skill', { n: i + 1 })}
              </label>
              <select
                id={`table-skill-${String(i)}`}
                value={table.skill}
                onChange={(e) => {
                  setTable(i, { skill: e.target.value as CafeSkill });
                }}
              >
                {CAFE_SKILLS.map((skill) => (
                  <option key={skill} value={skill}>
                    {t(`cafe.office.skill.${skill}`)}
                  </option>
                ))}
              </select>
            </div>
            {tables.length > 1 && (
              <button
                type="button"
                className="btn btn-light btn-small"
                onClick={() => {
                  setTables((list) => list.filter((_, j) => j !== i));
                }}
              >
                {t('cafe.office.new.table.remove', { n: i + 1 })}
              </button>
            )}
          </div>
        ))}
        {tables.length < 50 && (
          <button
            type="button"
            className="btn btn-secondary btn-small"
            onClick={() => {
              setTables((list) => [
                ...list,
                { name: `Tafel ${String(list.length + 1)}`, skill: 'electric' },
              ]);
            }}
          >
            {t('cafe.office.new.table.add')}
          </button>
        )}
      </fieldset>
      {error && (
        <p className="message message-error" role="alert">
          {t(error)}
        </p>
      )}
      <button type="submit" className="btn btn-primary">
        {t('cafe.office.new.submit')}
      </button>
    </form>
  );
}
