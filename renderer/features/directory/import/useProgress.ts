import { useEffect, useState } from 'react';
import { subscribe } from '../../../api/client';

export interface Progress {
  done: number;
  total: number;
  message?: string;
}

/** The latest progress event of one task (e.g. 'import') while `active`; null before the first. */
export function useProgress(task: string, active: boolean): Progress | null {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    if (!active) return undefined;
    const unsubscribe = subscribe((event) => {
      if (event.type === 'progress' && event.task === task) setProgress({ done: event.done, total: event.total, message: event.message });
    });
    return () => {
      unsubscribe();
      // The next run starts from nothing, not from where this one ended.
      setProgress(null);
    };
  }, [task, active]);
  return active ? progress : null;
}
