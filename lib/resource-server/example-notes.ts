/**
 * The notes behind the /api/notes example: a short list per owner (a signed-in user, or a client
 * calling with a client_credentials token), kept IN MEMORY in this process. It is a demo of the
 * toolkit, not a feature: notes vanish on restart, several instances do not share them, and the
 * bounds below keep anyone from filling the memory. A real API keeps its data in its own tables.
 */
import { randomUUID } from 'node:crypto';
import { singleton } from '@/lib/runtime/singletons';

export interface Note {
  id: string;
  text: string;
  createdAt: string;
}

/** Per owner, the newest first; older notes fall off. */
export const MAX_NOTES_PER_OWNER = 20;
export const MAX_NOTE_LENGTH = 500;
/** Owners kept; the one unused longest is forgotten first. */
const MAX_OWNERS = 1000;

export function createNotesStore() {
  // A Map keeps insertion order: re-inserting on use makes the first key the least recently used.
  const byOwner = new Map<string, Note[]>();
  const touch = (owner: string): Note[] => {
    const notes = byOwner.get(owner) ?? [];
    byOwner.delete(owner);
    byOwner.set(owner, notes);
    if (byOwner.size > MAX_OWNERS) byOwner.delete(byOwner.keys().next().value!);
    return notes;
  };
  return {
    list: (owner: string): Note[] => [...(byOwner.get(owner) ?? [])],
    add(owner: string, text: string): Note {
      const notes = touch(owner);
      const note = { id: randomUUID(), text: text.slice(0, MAX_NOTE_LENGTH), createdAt: new Date().toISOString() };
      notes.unshift(note);
      notes.length = Math.min(notes.length, MAX_NOTES_PER_OWNER);
      return note;
    },
  };
}

export type NotesStore = ReturnType<typeof createNotesStore>;

/** The process's notes (one per process, whichever bundle asks). */
export const exampleNotes = (): NotesStore => singleton('example-notes', createNotesStore);
