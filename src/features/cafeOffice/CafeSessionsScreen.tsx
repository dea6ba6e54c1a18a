// The organiser's list of café days (laptop first): date, café, visits, outcomes, open or closed,
// each leading to its page; and a form to open a new day from here.
import { useMemo, useState } from 'react';
import { cafeFigures, type SessionState, type VisitState } from '../../domain';
import { useT } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';
import { useAllVisits, useSessions } from './cafeData';
import { useCafeSites } from './cafeSites';
import { NewSessionForm } from './NewSessionForm';

/** Outcome counts per session, from one pass over the visits. */
function countsBySession(visits: readonly VisitState[], sessions: readonly SessionState[]) {
  const counts = new Map<string, ReturnType<typeof cafeFigures>>();
  const all = { from: '0000-01-01', to: '9999-12-31' };
  const bySession = new Map<string, VisitState[]>();
  for (const v of visits) {
    if (v.session === null) continue;
    const list = bySession.get(v.session) ?? [];
    list.push(v);
    bySession.set(v.session, list);
  }
  for (const s of sessions)
    counts.set(s.code, cafeFigures(bySession.get(s.code) ?? [], [s], { ...all, session: s.code }));
  return counts;
}

/** The café days screen. */
export function CafeSessionsScreen() {
  const tr = useT();
  const { t } = tr;
  const go = useNavigation((s) => s.go);
  const cafes = useCafeSites();
  const sessions = useSessions();
  const visits = useAllVisits();
  const [cafe, setCafe] = useState('');
  const shown = useMemo(
    () => (sessions ?? []).filter((s) => cafe === '' || s.site === cafe),
    [sessions, cafe],
  );
  const counts = useMemo(() => countsBySession(visits ?? [], shown), [visits, shown]);
  // One café (an organiser's usual case): its name is the same on every row.
  const manyCafes = cafes.length > 1;
  const cafeName = (id: string | null) =>
    cafes.find((c) => c.id === id)?.name ?? (id === null ? '' : id);
  // Short ("3 dec 2026"): the table must fit a phone; the link's name says the date in full.
  const shortDate = useMemo(
    () => new Intl.DateTimeFormat(tr.locale, { day: 'numeric', month: 'short', year: 'numeric' }),
    [tr.locale],
  );
  const day = (date: string | null) =>
    date === null ? '?' : tr.date(Date.parse(`${date}T12:00:00Z`));
  const shortDay = (date: string | null) =>
    date === null ? '?' : shortDate.format(Date.parse(`${date}T12:00:00Z`));
  return (
    <div className="cafe-office">
      <h1>{t('cafe.office.sessions.title')}</h1>
      <p className="hint">{t('cafe.office.sessions.intro')}</p>
      <p>
        <a
          href="/cafe/opvolging"
          onClick={(e) => {
            e.preventDefault();
            go({ name: 'cafe-followup' });
          }}
        >
          📞 {t('cafe.office.followup.title')} →
        </a>
      </p>
      {cafes.length === 0 && <p className="notice notice-warn">{t('cafe.office.nocafe')}</p>}
      {cafes.length > 1 && (
        <div className="filters panel">
          <div className="field">
            <label htmlFor="cafe-filter">{t('cafe.office.cafe')}</label>
            <select
              id="cafe-filter"
              value={cafe}
              onChange={(e) => {
                setCafe(e.target.value);
              }}
            >
              <option value="">{t('cafe.office.cafe.all')}</option>
              {cafes.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      {sessions === undefined ? (
        <p role="status">{t('cafe.office.sessions.loading')}</p>
      ) : shown.length === 0 ? (
        <p className="panel">{t('cafe.office.sessions.empty')}</p>
      ) : (
        // Wider than a phone: the table scrolls in its own box, which the keyboard can reach.
        <div
          className="table-scroll"
          role="region"
          aria-labelledby="cafe-sessions-caption"
          tabIndex={0}
        >
          <table className="data-table cafe-sessions">
            <caption id="cafe-sessions-caption" className="visually-hidden">
              {t('cafe.office.sessions.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('cafe.office.col.date')}</th>
                {manyCafes && (
                  <th scope="col" className="cell-text">
                    {t('cafe.office.col.cafe')}
                  </th>
                )}
                <th scope="col">{t('cafe.office.col.visits')}</th>
                <th scope="col">{t('cafe.office.col.fixed')}</th>
                <th scope="col">{t('cafe.office.col.repairable')}</th>
                <th scope="col">{t('cafe.office.col.eol')}</th>
                <th scope="col">{t('cafe.office.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((s) => {
                const f = counts.get(s.code);
                return (
                  <tr key={s.code} data-session={s.code}>
                    <th scope="row">
                      <a
                        href={`/cafe/sessies/${s.code}`}
                        aria-label={t('cafe.office.open.link', { date: day(s.date) })}
                        onClick={(e) => {
                          e.preventDefault();
                          go({ name: 'cafe-session', code: s.code });
                        }}
                      >
                        {shortDay(s.date)}
                      </a>
                    </th>
                    {manyCafes && <td className="cell-text">{cafeName(s.site)}</td>}
                    <td>{f?.visits ?? 0}</td>
                    <td>{f?.fixed.count ?? 0}</td>
                    <td>{f?.repairable.count ?? 0}</td>
                    <td>{f?.endOfLife.count ?? 0}</td>
                    <td>
                      <span className={`badge badge-session-${s.status}`}>
                        {t(`cafe.office.status.${s.status}`)}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {cafes.length > 0 && (
        <NewSessionForm
          cafes={cafes}
          preferred={cafe}
          onOpened={(code) => {
            go({ name: 'cafe-session', code });
          }}
        />
      )}
    </div>
  );
}
