'use client';
import { useEffect, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

interface Note {
  id: string;
  text: string;
  createdAt: string;
}

/**
 * This page calling /api/notes with nothing but the browser's session cookie (fetch sends it, and
 * the Origin header the API checks on a POST): the same API other applications call with a token.
 */
export function NotesPanel() {
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    fetch('/api/notes')
      .then(async (res) => (res.ok ? setNotes(((await res.json()) as { notes: Note[] }).notes) : setError(`Could not load your notes (HTTP ${res.status}).`)))
      .catch(() => setError('Could not reach /api/notes.'));
  }, []);

  async function add(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const res = await fetch('/api/notes', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text }) });
      const answer = (await res.json()) as { note?: Note; error_description?: string };
      if (!res.ok || !answer.note) throw new Error(answer.error_description ?? `HTTP ${res.status}`);
      setNotes((list) => [answer.note!, ...(list ?? [])]);
      setText('');
    } catch (e) {
      setError(`The note was not saved: ${e instanceof Error ? e.message : 'unknown error'}.`);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="space-y-4">
      <form onSubmit={add} className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="min-w-0 flex-1">
          <Label htmlFor="note">Note</Label>
          <Input id="note" value={text} onChange={(e) => setText(e.target.value)} maxLength={500} className="mt-1.5" required />
        </div>
        <Button type="submit" disabled={saving || !text.trim()}>
          Add note
        </Button>
      </form>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {notes === null ? (
        <p className="text-sm text-slate-500">Loading…</p>
      ) : notes.length === 0 ? (
        <p className="text-sm text-slate-600">No notes yet.</p>
      ) : (
        <ul aria-label="Your notes" className="divide-y divide-slate-100 rounded-lg border border-slate-200">
          {notes.map((n) => (
            <li key={n.id} className="px-4 py-3 text-sm break-words text-slate-800">
              {n.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
