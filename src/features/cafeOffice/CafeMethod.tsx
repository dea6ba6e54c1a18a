// The café method and the sources of its factors, beside every café figure.
import { CAFE_SOURCE, cafeMethodText, SOURCES } from '../../domain';
import { useT } from '../../i18n/i18n';

/** The café part of the method text, with its sources. */
export function CafeMethod() {
  const { t, lang } = useT();
  const sources = [SOURCES[0], CAFE_SOURCE, SOURCES[2]].filter((s) => s !== undefined);
  return (
    <section className="method" aria-labelledby="cafe-method-title">
      <h2 id="cafe-method-title">{t('cafe.office.figures.method')}</h2>
      {cafeMethodText(lang).map((line) => (
        <p key={line}>{line}</p>
      ))}
      <ul>
        {sources.map((source) => (
          <li key={source.url}>
            {source.what[lang]}: {source.citation[lang]},{' '}
            <a href={source.url} rel="noreferrer">
              {source.url}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
