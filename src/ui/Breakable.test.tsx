// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CATEGORY_ROWS } from '../domain/categories.data';
import { Breakable, COMPOUNDS } from './Breakable';

afterEach(cleanup);

const words = new Set(
  CATEGORY_ROWS.flatMap((row) => Object.values(row.name).flatMap((name) => name.split(/[\s/-]+/))),
);

describe('Breakable', () => {
  it('keeps the text as written and may break after a slash and inside a long compound', () => {
    const { container } = render(<Breakable text="Koffiezetapparaat" />);
    expect(container.textContent).toBe('Koffiezetapparaat');
    expect(container.innerHTML).toBe('Koffiezet<wbr>apparaat');
    const airco = render(<Breakable text="Airco/ontvochtiger" />).container;
    expect(airco.textContent).toBe('Airco/ontvochtiger');
    expect(airco.innerHTML).toBe('Airco/<wbr>ontvochtiger');
    const kitchen = render(<Breakable text="Klein keukentoestel" />).container;
    expect(kitchen.innerHTML).toBe('Klein keukentoestel');
  });

  it('knows break points only of words the kinds really have', () => {
    for (const word of COMPOUNDS) expect(words).toContain(word.replace('|', ''));
  });

  it('has break points for every word of 14 letters or more in the kinds’ names', () => {
    const known = new Set(COMPOUNDS.map((word) => word.replace('|', '')));
    const long = [...words].filter((word) => word.length >= 14);
    expect(long.filter((word) => !known.has(word))).toEqual([]);
  });
});
