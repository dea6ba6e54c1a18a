// One line saying what a workshop event recorded: "Geslaagd · PAT klasse I", "12 min · T-01".
import type { BewaarEvent } from '../../domain';
import { useT } from '../../i18n/i18n';
import { safetyMethodIn } from './safetyMethods';

/** The short result of a step's event. */
export function StepResult({ event }: { event: BewaarEvent }) {
  const tr = useT();
  const { t } = tr;
  switch (event.type) {
    case 'item.inspected':
      return <>{t(`inspect.visual.${event.data.visual}`)}</>;
    case 'item.safety-tested':
      return (
        <>{`${t(`result.${event.data.result}`)} · ${safetyMethodIn(tr.lang, event.data.method)}`}</>
      );
    case 'item.function-tested':
      return <>{t(`result.${event.data.result}`)}</>;
    case 'item.repaired':
      return (
        <>{`${event.data.action} · ${tr.minutes(event.data.minutes)} · ${event.data.worker}`}</>
      );
    case 'item.data-wiped':
      return (
        <>{`${t(`wipe.method.${event.data.method}`)} · ${t(event.data.verified ? 'wipe.verified.yes' : 'wipe.verified.no')}`}</>
      );
    case 'item.priced':
      return (
        <>{`${tr.money(event.data.priceEur)} · ${tr.tn('outcome.warranty.months', event.data.warrantyMonths)}`}</>
      );
    case 'item.rejected':
      return (
        <>{`${t(`reason.${event.data.reason}`)} → ${t(`destination.${event.data.destination}`)}`}</>
      );
    case 'item.sold':
      return <>{tr.money(event.data.priceEur)}</>;
    case 'item.returned':
      return <>{event.data.reason}</>;
    default:
      return null;
  }
}
