import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

// Settings of this computer (settings.json next to the workspaces), read on every use and
// written whole through a temporary file, so a crash leaves the old file or the new one.

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
    this.#write(name ? { ...rest, actorName: name } : rest);
  }

  #read(): Stored {
    try {
      const parsed = stored.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }

  #write(settings: Stored): void {
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(`${this.file}.partial`, JSON.stringify(settings, null, 2));
    renameSync(`${this.file}.partial`, this.file);
  }
}
