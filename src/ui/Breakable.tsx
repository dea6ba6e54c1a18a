// A name that may break after its slashes ("Climatiseur/<wbr>déshumidificateur"): the kinds'
// long compound names otherwise break mid-word in a narrow tile or column. The text itself is
// unchanged (no invisible characters), so search, copy and screen readers read it as written.
import { Fragment } from 'react';

/** `text` with a line-break opportunity after each "/". */
export function Breakable({ text }: { text: string }) {
  const parts = text.split('/');
  return (
    <>
      {parts.map((part, i) => (
        // The parts of one name never change order: the index is a stable key.
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </Fragment>
      ))}
    </>
  );
}
