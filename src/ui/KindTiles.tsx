// The kind field shared by the park's item form and the café door: a search on everyday words and
// icon tiles as native radio buttons (arrow keys and screen readers work), the usual kinds first
// and all of them a tap further. The caller decides which tiles a query or "all" shows.
import { useId } from 'react';
import { Breakable } from './Breakable';

export interface KindTile {
  key: string;
  icon: string;
  name: string;
}

interface Props {
  legend: string;
  searchLabel: string;
  placeholder: string;
  /** The words under a search that matched nothing. */
  none: string;
  query: string;
  onQuery: (query: string) => void;
  /** The tiles to show for the query, or for "all", or the usual ones. */
  tiles: readonly KindTile[];
  all: boolean;
  onAll: (all: boolean) => void;
  /** The "all kinds (n)" and "fewer" buttons' words. */
  more: string;
  fewer: string;
  selected: string | null;
  onPick: (key: string) => void;
  invalid: boolean;
  errorId?: string | undefined;
  gridClass: string;
}

/** A fieldset with the kind search and its tiles. */
export function KindTiles(props: Props) {
  const { tiles, query, selected, onPick } = props;
  const searchId = useId();
  const name = useId();
  const searching = query.trim() !== '';
  return (
    <fieldset
      className="field category-picker"
      aria-invalid={props.invalid}
      aria-describedby={props.errorId}
    >
      <legend>{props.legend}</legend>
      <label htmlFor={searchId} className="visually-hidden">
        {props.searchLabel}
      </label>
      <input
        id={searchId}
        type="search"
        value={query}
        placeholder={props.placeholder}
        autoComplete="off"
        onChange={(e) => {
          props.onQuery(e.target.value);
        }}
        onKeyDown={(e) => {
          // Enter in the search picks the best match instead of sending the form.
          if (e.key === 'Enter') {
            e.preventDefault();
            const first = tiles[0];
            if (searching && first) onPick(first.key);
          }
        }}
      />
      {tiles.length === 0 ? (
        <p className="hint">{props.none}</p>
      ) : (
        <div className={`tile-grid ${props.gridClass}`}>
          {tiles.map((tile) => (
            <label
              key={tile.key}
              className={`tile${selected === tile.key ? ' tile-selected' : ''}`}
            >
              <input
                type="radio"
                name={name}
                value={tile.key}
                checked={selected === tile.key}
                onChange={() => {
                  onPick(tile.key);
                }}
              />
              <span className="tile-icon" aria-hidden="true">
                {tile.icon}
              </span>
              <span className="tile-label">
                <Breakable text={tile.name} />
              </span>
            </label>
          ))}
          {!searching && (
            <button
              type="button"
              className="tile tile-more"
              aria-expanded={props.all}
              onClick={() => {
                props.onAll(!props.all);
              }}
            >
              {props.all ? props.fewer : props.more}
            </button>
          )}
        </div>
      )}
    </fieldset>
  );
}
