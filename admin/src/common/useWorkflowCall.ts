// Runs one workflow call (a task step, evidence, an extension request): tells the outcome in a
// notification, reloads what the page shows after a success, and keeps the error so that a dialog can
// offer a reload when the task changed under the user (CONFLICT).
import { useCallback, useState } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { ParDataProvider } from '../dataProvider';
import { apiErrorBody, describeApiError } from './apiErrors';

export interface WorkflowCallOptions {
  /** The message key of the success notification. */
  success: string;
}

export function useWorkflowCall() {
  const dataProvider = useDataProvider<ParDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  /**
   * Resolves to `{ ok: true }`, or to the error's field messages by input name for the form to show
   * beside its inputs (react-admin's Form takes them as the result of onSubmit).
   */
  const run = useCallback(
    async (
      call: (provider: ParDataProvider) => Promise<unknown>,
      { success }: WorkflowCallOptions,
    ): Promise<{ ok: true } | { ok: false; fieldErrors?: Record<string, string> }> => {
      setPending(true);
      setError(null);
      try {
        await call(dataProvider);
        notify(success, { type: 'success' });
        refresh();
        return { ok: true };
      } catch (caught) {
        setError(caught);
        notify(describeApiError(caught, translate), { type: 'error', multiLine: true });
        return { ok: false, fieldErrors: apiErrorBody(caught)?.errors };
      } finally {
        setPending(false);
      }
    },
    [dataProvider, notify, refresh, translate],
  );

  /** Reloads the page's data after a CONFLICT: the next try is based on the current version. */
  const reload = useCallback(() => {
    setError(null);
    refresh();
  }, [refresh]);

  const clearError = useCallback(() => setError(null), []);

  return { run, pending, error, reload, clearError };
}
