/** Asks for the API token when the server requires one (401, or acknowledging without a token). */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { setToken } from '../data/token.ts';
import './token-prompt.css';

export function TokenPrompt({ reason, onClose }: { reason: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [value, setValue] = useState('');
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setToken(value.trim() || null);
    onClose();
  };
  return (
    <dialog ref={dialog} className="dialog" onClose={onClose} aria-labelledby="token-title">
      <form onSubmit={submit}>
        <h2 id="token-title">API token needed</h2>
        <p>{reason}</p>
        <label>
          Token
          <input
            type="password"
            autoComplete="off"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            data-testid="token-input"
          />
        </label>
        <p className="muted">Kept for this browser tab only.</p>
        <div className="row end">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Use token
          </button>
        </div>
      </form>
    </dialog>
  );
}
