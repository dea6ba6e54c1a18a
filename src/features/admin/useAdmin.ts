// The administration API for the signed-in coordinator, and a small loader for its lists: the
// admin screens work online only, and say so in plain words when they cannot.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MessageKey } from '../../i18n/nl';
import { adminApi, type AdminApi } from '../../sync/adminApi';
import { ApiError, createApi } from '../../sync/api';
import { useSession } from '../setup/session';

/** The admin API with this session's token. */
export function useAdminApi(): AdminApi {
  const { profile } = useSession();
  return useMemo(() => adminApi(createApi({ token: profile.token })), [profile.token]);
}

/** A Dutch (translated) message for a failed admin call. */
export function adminError(error: unknown): MessageKey {
  if (!(error instanceof ApiError)) return 'admin.error.offline';
  if (error.status === 401 || error.status === 403) return 'admin.error.forbidden';
  if (error.status === 404) return 'admin.error.not-found';
  if (error.status === 409) return 'admin.error.conflict';
  if (error.status === 400) return 'admin.error.input';
  return 'admin.error.server';
}

/** Loads once (and on `reload`, or when `load` changes — pass a module-level function or a
 * memoised one): `data` undefined while loading, `error` a message key. */
export function useAdminLoad<T>(load: (api: AdminApi) => Promise<T>) {
  const api = useAdminApi();
  const [state, setState] = useState<{ data?: T; error?: MessageKey }>({});
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    load(api).then(
      (data) => {
        if (live) setState({ data });
      },
      (error: unknown) => {
        if (live) setState({ error: adminError(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [api, load, round]);
  const reload = useCallback(() => {
    setRound((n) => n + 1);
  }, []);
  return { ...state, reload, api };
}
