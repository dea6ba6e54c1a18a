// Today at this park: the items logged today, per cage, with correction and undo of the last one.
import { formatCode, hlcWallMs } from '../../domain';
import { useT } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';
import { useItemsOfDay, type ItemRow } from '../../storage';
import { useToast } from '../../ui/toast';
import { registerItem, voidItem } from '../intake/itemActions';
import { itemTitle } from '../intake/itemLabel';
import { registeredData } from '../intake/CorrectItemScreen';
import { useSession } from '../setup/session';
import { useToday } from './useToday';

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

/** The list of today's items at the device's park. */
export function TodayList({ headingLevel = 2 }: { headingLevel?: 1 | 2 }) {
  const tr = useT();
  const { t, tn, lang } = tr;
  const { profile, author } = useSession();
  const go = useNavigation((s) => s.go);
  const show = useToast((s) => s.show);
  const all = useItemsOfDay(profile.siteId, useToday());
  const items = (all ?? []).filter((i) => !i.voided);
  const last = items[0];
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const undoLast = async (item: ItemRow) => {
    await voidItem(author, item.code);
    show(t('item.undone', { code: formatCode(item.code) }), {
      action: {
        label: t('today.restore'),
        run: async () => {
          await registerItem(author, item.code, registeredData(item), null);
        },
      },
    });
  };
  return (
    <section className="panel today" aria-labelledby="today-title">
      <Heading id="today-title">
        {t('today.title')} <span className="count">({tn('cage.items', items.length)})</span>
      </Heading>
      {all === undefined && <p role="status">{t('common.loading')}</p>}
      {all !== undefined && items.length === 0 && <p className="hint">{t('today.empty')}</p>}
      {last && (
        <button type="button" className="btn btn-light" onClick={() => void undoLast(last)}>
          ↩️ {t('today.undo-last', { code: formatCode(last.code) })}
        </button>
      )}
      {groupByCage(items).map((group) => (
        <div key={group.cage ?? 'none'} className="today-group">
          <h3>
            {group.cage ? t('today.in-cage', { cage: formatCode(group.cage) }) : t('today.no-cage')}
          </h3>
          <ul className="item-list" data-testid={`today-${group.cage ?? 'none'}`}>
            {group.items.map((item) => (
              <li key={item.code} data-code={item.code}>
                <button
                  type="button"
                  className="row-button"
                  onClick={() => {
                    go({ name: 'item', code: item.code });
                  }}
                >
                  <span className="code">{formatCode(item.code)}</span>
                  <span>{itemTitle(item, lang)}</span>
                  <span className="muted">
                    {item.weightKg === null ? '' : `${tr.number(item.weightKg, 2)} kg · `}
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
                  ✏️ <span aria-hidden="true">{t('item.correct')}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
