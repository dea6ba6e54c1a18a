// Today at this park: the items logged today, per cage, with correction and undo of the last one.
import { memo, useId } from 'react';
import { formatCode, hlcWallMs } from '../../domain';
import { useT } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';
import { useCage, useItem, useItemsOfDay, type ItemRow } from '../../storage';
import { useToast } from '../../ui/toast';
import { registrationOf } from '../intake/itemActions';
import { itemTitle } from '../intake/itemLabel';
import {
  restoreRegistration,
  undoableCode,
  undoRegistration,
  useLastRegistration,
} from '../intake/lastRegistration';
import { useCommand } from '../useCommand';
import { useSession } from '../setup/session';
import { useToday } from './useToday';
import { Breakable } from '../../ui/Breakable';
import { FirstSyncNotice } from '../sync/PullProgress';

/** Groups items by their cage (items not in a cage last), keeping the newest-first order. */
export function groupByCage(
  items: readonly ItemRow[],
): { cage: string | null; items: ItemRow[] }[] {
  const groups = new Map<string | null, ItemRow[]>();
  for (const item of items) {
    const list = groups.get(item.cage) ?? [];
    list.push(item);
    groups.set(item.cage, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : 0))
    .map(([cage, list]) => ({ cage, items: list }));
}

interface Props {
  headingLevel?: 1 | 2;
  /** Show only the newest items (the intake screen); the Today screen shows them all. */
  limit?: number;
}

/** The list of today's items at the device's park. */
export function TodayList({ headingLevel = 2, limit }: Props) {
  const { t, tn } = useT();
  const { profile, author } = useSession();
  const go = useNavigation((s) => s.go);
  const show = useToast((s) => s.show);
  const today = useItemsOfDay(profile.siteId, useToday(), limit);
  const items = today?.items ?? [];
  const total = today?.total ?? 0;
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const titleId = useId();
  const run = useCommand();
  // Only what this person registered on this device in this session: not another tablet's item
  // that synced in, not yesterday's.
  const lastCode = useLastRegistration((s) => undoableCode(s, author.actor));
  const undone = useLastRegistration((s) => s.undone);
  const last = useItem(lastCode);
  const lastCage = useCage(last?.cage ?? null);
  // Undo is for a slip just made: only while the item's cage is still open (or it has none),
  // never for something already counted and closed in a cage.
  const canUndo =
    last != null && !last.voided && (last.cage === null || lastCage?.status === 'open');
  const undoLast = async (item: ItemRow) => {
    // A second tap finds nothing left to undo: it neither voids nor offers a restore.
    const done = { voided: false };
    const ok = await run(async () => {
      done.voided = await undoRegistration(author, item.code);
    });
    if (!ok || !done.voided) return;
    show(t('item.undone', { code: formatCode(item.code) }), {
      action: {
        label: t('today.restore'),
        run: async () => {
          await run(() => restoreRegistration(author, item.code, registrationOf(item)));
        },
      },
    });
  };
  return (
    <section className="panel today" aria-labelledby={titleId}>
      <Heading id={titleId}>
        {t('today.title')} <span className="count">({tn('cage.items', total)})</span>
      </Heading>
      <FirstSyncNotice />
      {today === undefined && <p role="status">{t('common.loading')}</p>}
      {today !== undefined && total === 0 && <p className="hint">{t('today.empty')}</p>}
      {last && canUndo && (
        <button type="button" className="btn btn-light" onClick={() => void undoLast(last)}>
          ↩️ {t('today.undo-last', { code: formatCode(last.code) })}
        </button>
      )}
      {!lastCode && undone && (
        // In the button's place, so a second tap lands on words, not on the next item.
        <p className="undo-done">{t('item.undone', { code: formatCode(undone) })}</p>
      )}
      {groupByCage(items).map((group) => (
        <div key={group.cage ?? 'none'} className="today-group">
          <h3>
            {group.cage ? t('today.in-cage', { cage: formatCode(group.cage) }) : t('today.no-cage')}
          </h3>
          <ul className="item-list" data-testid={`today-${group.cage ?? 'none'}`}>
            {group.items.map((item) => (
              <TodayRow key={item.code} item={item} />
            ))}
          </ul>
        </div>
      ))}
      {total > items.length && (
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => {
            go({ name: 'today' });
          }}
        >
          {t('today.show-all', { count: total })}
        </button>
      )}
    </section>
  );
}

// Memoised: a new save re-renders the new row only, not the whole day.
const TodayRow = memo(function TodayRow({ item }: { item: ItemRow }) {
  const tr = useT();
  const { t, lang } = tr;
  const go = useNavigation((s) => s.go);
  return (
    <li data-code={item.code}>
      <button
        type="button"
        className="row-button"
        onClick={() => {
          go({ name: 'item', code: item.code });
        }}
      >
        <span className="code">{formatCode(item.code)}</span>
        <span>
          <Breakable text={itemTitle(item, lang)} />
        </span>
        <span className="muted">
          {item.weightKg === null ? '' : `${tr.kg(item.weightKg, 2)} · `}
          {item.registeredAt ? tr.time(hlcWallMs(item.registeredAt)) : ''}
        </span>
      </button>
      <button
        type="button"
        className="btn btn-light btn-small"
        aria-label={t('today.correct', { code: formatCode(item.code) })}
        onClick={() => {
          go({ name: 'correct-item', code: item.code });
        }}
      >
        ✏️{' '}
        <span aria-hidden="true" className="hide-narrow">
          {t('item.correct')}
        </span>
      </button>
    </li>
  );
});
