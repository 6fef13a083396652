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
    setProgress(null);
    return subscribe((event) => {
      if (event.type === 'progress' && event.task === task) setProgress({ done: event.done, total: event.total, message: event.message });
    });
  }, [task, active]);
  return active ? progress : null;
}
