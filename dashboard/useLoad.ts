import { useEffect, useRef, useState } from 'react';

/**
 * Loads something for a page when its inputs change, and again on reload(). Errors are shown,
 * never thrown (and clear the data shown before); an answer for inputs that have since changed is
 * dropped.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{ data?: T; failure?: unknown; key?: string }>({});
  const key = JSON.stringify([...deps, version]);
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });
  useEffect(() => {
    let live = true;
    loader.current().then(
      (data) => live && setState({ data, key }),
      // A failed load clears what an earlier one showed: old figures under a new choice would mislead.
      (error: unknown) => live && setState({ failure: error, key }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  /** `failure`: the error itself, for its code (shown in the reader's language by useErrorText), never its English message. */
  return {
    data: state.data,
    failure: state.failure,
    loading: state.key !== key,
    reload: () => setVersion((v) => v + 1),
  };
}
