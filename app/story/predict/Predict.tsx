import type { ReactNode } from 'react';
import type { Locked } from './storage.ts';
import type { Prediction } from './predictions.ts';

interface Props {
  readonly prediction: Prediction;
  readonly locked: Locked | null;
  /** The demo has finished: show the answer beside the prediction. */
  readonly revealed: boolean;
  /** Presenter mode: the room answers by a show of hands; the presenter runs without choosing. */
  readonly presenting: boolean;
  readonly onLock: (locked: Locked) => void;
  readonly onAgain: () => void;
}

/**
 * Predict, then run: the question and its choices before the demo runs; once locked, the choice stays in view
 * beside the result, with one line on why (Kim, Reinecke & Hullman, CHI 2017: predicting first, then seeing
 * the gap, helps people remember and understand).
 */
export function Predict({ prediction, locked, revealed, presenting, onLock, onAgain }: Props): ReactNode {
  const answer = revealed ? prediction.answer() : null;
  const chosen = locked?.kind === 'chose' ? locked.choice : null;
  const open = locked === null;
  return (
    <section className="predict" aria-labelledby="predict-question" data-state={open ? 'open' : revealed ? 'revealed' : 'locked'}>
      <h3 id="predict-question">
        <span className="predict-tag">{open ? (presenting ? 'Ask the room' : 'Predict first') : 'You predicted'}</span>{' '}
        {/* Once answered, the question steps aside for sighted readers (the section says what it was about). */}
        <span className={revealed && !open ? 'predict-question sr-only' : 'predict-question'}>{prediction.question}</span>
      </h3>
      <ul className="predict-choices">
        {prediction.choices.map((c) => {
          const isAnswer = answer === c.id;
          const isChosen = chosen === c.id;
          return (
            <li key={c.id}>
              <button
                type="button"
                className="predict-choice"
                disabled={!open || presenting}
                aria-pressed={isChosen}
                data-answer={isAnswer ? '' : undefined}
                onClick={() => onLock({ kind: 'chose', choice: c.id })}
              >
                {c.text}
                {isAnswer && <span className="predict-mark"> ← {prediction.answerMark ?? 'measured'}</span>}
                {!isAnswer && isChosen && revealed && <span className="predict-mark"> ← your guess</span>}
              </button>
            </li>
          );
        })}
      </ul>
      {open ? (
        <button type="button" className="predict-skip" onClick={() => onLock({ kind: 'skipped' })}>
          {presenting ? '▶ Run it' : 'Skip: just run it'}
        </button>
      ) : revealed ? (
        <p className="predict-why" role="status">
          {chosen === null ? '' : chosen === answer ? 'Right. ' : 'Not quite. '}
          {prediction.why()}{' '}
          {!presenting && (
            <button type="button" className="link-button" onClick={onAgain}>
              Predict again
            </button>
          )}
        </p>
      ) : (
        <p className="predict-why">Running… the answer shows when the run ends.</p>
      )}
    </section>
  );
}
