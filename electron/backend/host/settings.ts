import { z } from 'zod';
import { readJsonFile, writeJsonFile } from '../jsonFile';

// Settings of this computer (settings.json next to the workspaces).

const stored = z.object({ actorName: z.string().optional() });
type Stored = z.infer<typeof stored>;

export class ComputerSettings {
  constructor(private readonly file: string) {}

  /** The name the coordinator chose for the change log, or null. An unreadable file counts as none. */
  actorName(): string | null {
    return this.#read().actorName || null;
  }

  setActorName(name: string | null): void {
    const { actorName: _previous, ...rest } = this.#read();
    writeJsonFile(this.file, name ? { ...rest, actorName: name } : rest);
  }

  #read(): Stored {
    return readJsonFile(this.file, stored, {});
  }
}
