// A name that may break after its slashes ("Climatiseur/<wbr>déshumidificateur") and between the
// parts of its long compound words ("Koffiezet<wbr>apparaat"): in a narrow tile or column the
// kinds' names otherwise break mid-syllable ("Koffiezetappara|at") wherever the browser has no
// hyphenation dictionary for the page's language (the hyphens: auto in the stylesheet does the
// rest where it has one). The text itself is unchanged (no invisible characters), so search,
// copy and screen readers read it as written.
import { Fragment } from 'react';

/** Where the kinds' words too long for a tile's line (14 letters or more; nl, fr, en) may break:
 * before each "|". A shorter word gets none: the browser would then break "Klein keuken|toestel"
 * rather than at the space. */
export const COMPOUNDS = [
  'veiligheids|verlichting',
  'Desktop|computer',
  'schoonheids|verzorging',
  'huishoud|toestel',
  'Muziek|instrument',
  'Papier|vernietiger',
  'game|accessoires',
  'Koffiezet|apparaat',
  'déshumidi|ficateur',
  'électro|ménager',
];
const BREAKS = new Map(COMPOUNDS.map((word) => [word.replace('|', ''), word.split('|')]));

/** A word with its break opportunities. */
function Word({ word }: { word: string }) {
  const parts = BREAKS.get(word);
  if (!parts) return word;
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  );
}

/** `text` with a line-break opportunity after each "/" and inside its long compound words. */
export function Breakable({ text }: { text: string }) {
  // Words and what lies between them, in order: ["Koffiezetapparaat"], ["Airco", "/", "ontvochtiger"].
  const pieces = text.split(/([\s/-]+)/);
  return (
    <>
      {pieces.map((piece, i) => (
        // The pieces of one name never change order: the index is a stable key.
        <Fragment key={i}>
          {i % 2 === 0 ? <Word word={piece} /> : piece}
          {piece.endsWith('/') && <wbr />}
        </Fragment>
      ))}
    </>
  );
}
