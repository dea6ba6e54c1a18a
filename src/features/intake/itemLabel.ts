// How an item is named on screen: icon, category in the chosen language, brand.
import { categoryById, type Lang } from '../../domain';

/** "☕ Koffiezetapparaat · Philips" (or the code's category when no brand). */
export function itemTitle(
  item: { category: number | null; brand: string | null },
  lang: Lang,
): string {
  const category = item.category === null ? undefined : categoryById(item.category);
  const name = category ? `${category.icon} ${category.name[lang]}` : '—';
  return item.brand ? `${name} · ${item.brand}` : name;
}
