// "Today" as the device's local calendar day, refreshed each minute so the list turns over at midnight.
import { useEffect, useState } from 'react';
import { localDay } from '../../storage';

/** The local day (YYYY-MM-DD) now, kept current. */
export function useToday(): string {
  const [day, setDay] = useState(() => localDay(Date.now()));
  useEffect(() => {
    const timer = window.setInterval(() => {
      setDay(localDay(Date.now()));
    }, 60_000);
    return () => {
      window.clearInterval(timer);
    };
  }, []);
  return day;
}
